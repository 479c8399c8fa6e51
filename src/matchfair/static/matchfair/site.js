// Small behaviours without inline scripts, so the Content-Security-Policy can forbid them.
document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-print]");
  if (trigger) {
    event.preventDefault();
    window.print();
  }
});

// The compact menu of a phone: the links hide behind one button. Without this script the
// menu simply stays open, wrapped over several lines.
document.addEventListener("DOMContentLoaded", () => {
  const nav = document.querySelector("header.top nav");
  const toggle = nav && nav.querySelector(".menu-toggle");
  if (!toggle) return;
  nav.classList.add("compact");
  toggle.hidden = false;
  toggle.addEventListener("click", () => {
    const open = nav.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  // The current page: the menu link whose address is the longest start of this page's.
  let best = null;
  for (const link of nav.querySelectorAll(".menu a[href]")) {
    const path = new URL(link.href, location.href).pathname;
    const start = path === location.pathname || (location.pathname.startsWith(path) && path.split("/").length > 4);
    if (start && (!best || path.length > best.path.length)) best = { link, path };
  }
  if (best) best.link.setAttribute("aria-current", "page");
});

// The floor plan's zoom: the plan is drawn at 1 to 16 times the width of its frame, which
// scrolls (or is swiped) to pan, so the halls' and stands' labels grow with it. A phone starts
// at three times the width; a stand's code is readable from about eight.
const ZOOM_STEPS = [1, 2, 3, 4, 6, 8, 12, 16];
document.addEventListener("DOMContentLoaded", () => {
  for (const figure of document.querySelectorAll(".visits-plan")) {
    const frame = figure.querySelector(".plan-frame");
    const buttons = figure.querySelector(".plan-zoom");
    if (!frame || !buttons) continue;
    buttons.hidden = false;
    let step = 0;
    const show = (next) => {
      next = Math.min(ZOOM_STEPS.length - 1, Math.max(0, next));
      const centre = [
        (frame.scrollLeft + frame.clientWidth / 2) / frame.scrollWidth,
        (frame.scrollTop + frame.clientHeight / 2) / frame.scrollHeight,
      ];
      frame.dataset.zoom = String(ZOOM_STEPS[next]);
      if (next !== step) {
        frame.scrollLeft = centre[0] * frame.scrollWidth - frame.clientWidth / 2;
        frame.scrollTop = centre[1] * frame.scrollHeight - frame.clientHeight / 2;
      }
      step = next;
      buttons.querySelector('[data-zoom="in"]').disabled = step === ZOOM_STEPS.length - 1;
      buttons.querySelector('[data-zoom="out"]').disabled = step === 0;
    };
    show(frame.clientWidth < 600 ? 2 : 0);
    // A stand's or a pavilion's own page opens the plan on it.
    const here = frame.querySelector(".here");
    if (here) {
      const box = here.getBoundingClientRect();
      const outer = frame.getBoundingClientRect();
      frame.scrollLeft += box.left + box.width / 2 - outer.left - frame.clientWidth / 2;
      frame.scrollTop += box.top + box.height / 2 - outer.top - frame.clientHeight / 2;
    }
    buttons.addEventListener("click", (event) => {
      const button = event.target.closest("[data-zoom]");
      if (!button) return;
      show({ in: step + 1, out: step - 1, fit: 0 }[button.dataset.zoom]);
    });
  }
});
