from __future__ import annotations

from matchfair.recommend import recommend
from matchfair.recommend.evaluate import quality, tag_overlap
from matchfair.recommend.generate import generate


def test_recommend_beats_tag_overlap_on_generated_set() -> None:
    generated = generate(800, seed=11)
    ranked = {pid: [r.id for r in recs] for pid, recs in recommend(generated.profiles).items()}
    engine = quality(generated, ranked)
    baseline = quality(generated, tag_overlap(generated.profiles))
    assert engine.ndcg >= 3 * baseline.ndcg
    assert engine.recall >= 2 * baseline.recall
