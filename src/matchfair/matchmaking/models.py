"""Partner suggestions: the recommendation engine's ranked partners for a participant, with reasons."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Suggestion(models.Model):
    """One suggested partner for a participant, as the last refresh ranked it."""

    registration = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="suggestions"
    )
    suggested = models.ForeignKey(
        "events.Registration", on_delete=models.CASCADE, related_name="suggested_to"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list)
    computed = models.DateTimeField(_("computed"), db_index=True)

    class Meta:
        ordering = ["registration", "rank"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "suggested"], name="suggestion_once_per_pair"
            ),
            models.UniqueConstraint(fields=["registration", "rank"], name="suggestion_unique_rank"),
            models.CheckConstraint(
                condition=~models.Q(registration=models.F("suggested")),
                name="suggestion_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} → {self.suggested_id} (#{self.rank})"


class TextEmbedding(models.Model):
    """A sentence embedding of one opportunity text, stored once per model and text.

    Only used with the `semantic` extra: a refresh embeds the texts that changed since the last
    one and reads the rest from here, so every process sees the same vectors.
    """

    model = models.CharField(max_length=64)
    key = models.CharField(max_length=64, help_text=_("SHA-256 of the model name and the text."))
    vector = models.BinaryField(help_text=_("float32 values, L2-normalised."))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("text embedding")
        verbose_name_plural = _("text embeddings")
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="embedding_once_per_text")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.key[:12]}"
