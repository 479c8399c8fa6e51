// Small behaviours without inline scripts, so the Content-Security-Policy can forbid them.
document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-print]");
  if (trigger) {
    event.preventDefault();
    window.print();
  }
});
