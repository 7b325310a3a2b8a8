"""Classifier throughput: 100,000 reviews built from varied sentence pieces.

Prints reviews/s and the per-review p50/p99 latency for one process, then the throughput of
one worker per core. Target: at least 2,000 reviews/s on 2 cores.

    .venv/bin/python benchmarks/classify_bench.py [--n 100000] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

from responders.classify import classify

OPENINGS = [
    "Bonjour,", "Alors voilà.", "Franchement", "Première visite hier.", "Ça fait 10 ans que je viens.",
    "Je suis allée chez le Dr Martin pour une couronne.", "Rendez-vous pris en ligne.", "Hi,",
    "Allo, petite mise à jour :", "Troisième fois ce mois-ci.", "",
]
PRAISE = [
    "Équipe au top, très à l'écoute.", "Dentiste douce et patiente, je recommande vivement !",
    "Accueil chaleureux et explications claires.", "Aucune douleur, travail impeccable.",
    "Merci pour votre gentillesse.", "Great staff, very gentle and professional.",
    "Le docteur est ben fin pis compétent.", "Ponctuel, rassurant, rien à redire.",
]
CRITICISM = [
    "Attente interminable, 2 h en salle d'attente.", "Médecin hautain et expéditif, à fuir.",
    "Trop cher pour ce que c'est : 120 € les dix minutes.", "Secrétaire désagréable au téléphone.",
    "J'ai eu mal pendant trois jours, très déçue du résultat.", "Arnaque, le devis a doublé.",
    "Rude receptionist and we waited three hours.", "Je recommande pas pantoute, ben poche.",
    "Personne ne répond jamais au téléphone 🙃", "Incompétent, mon problème n'est toujours pas réglé.",
]
INSULT = [
    "Un vrai boucher.", "Quel charlatan !", "Ostie de crosseur.", "C'est un c0nnard fini.",
    "What a quack.", "Espèce d'imbécile.", "Dentiste = b o u c h e r",
]
DEFAMATION = [
    "Il m'a facturé des soins jamais réalisés.", "Il paraît qu'elle exerce sans diplôme.",
    "Les instruments ne sont pas stérilisés.", "Le dentiste était ivre pendant le soin.",
    "La secrétaire pique dans la caisse.", "He billed my insurance for work never done.",
    "Ils refusent les patients CMU.", "Elle a été radiée de l'Ordre l'an dernier.",
]
CLOSINGS = ["", "Merci.", "Bonne continuation.", "Je ne reviendrai pas.", "À éviter.", "Voilà.", "Thanks."]


def make_reviews(n: int, seed: int = 7) -> list[tuple[str, int | None]]:
    rng = random.Random(seed)
    reviews = []
    for _ in range(n):
        kind = rng.random()
        pool = PRAISE if kind < 0.45 else CRITICISM if kind < 0.85 else INSULT if kind < 0.93 else DEFAMATION
        body = rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        if rng.random() < 0.3:
            body.append(rng.choice(PRAISE + CRITICISM))
        text = " ".join(p for p in [rng.choice(OPENINGS), *body, rng.choice(CLOSINGS)] if p)
        rating = rng.choice([1, 2, 3, 4, 5, None])
        reviews.append((text, rating))
    return reviews


def _chunk(reviews: list[tuple[str, int | None]]) -> int:
    for text, rating in reviews:
        classify(text, rating)
    return len(reviews)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    reviews = make_reviews(args.n)
    classify("warm-up", None)

    latencies = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for text, rating in reviews:
        t0 = time.perf_counter()
        classify(text, rating)
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99) - 1] * 1000
    mean_len = sum(len(t) for t, _ in reviews) / len(reviews)
    print(f"{len(reviews)} avis (longueur moyenne {mean_len:.0f} caractères)")
    print(f"1 processus : {len(reviews) / elapsed:,.0f} avis/s — p50 {p50:.3f} ms, p99 {p99:.3f} ms")
    # CPU time does not depend on what else runs on the machine: the capacity of one core.
    print(f"temps processeur : {cpu / len(reviews) * 1000:.3f} ms par avis, soit {len(reviews) / cpu:,.0f} avis/s par cœur")

    workers = max(1, args.workers)
    size = (len(reviews) + workers * 8 - 1) // (workers * 8)
    chunks = [reviews[i : i + size] for i in range(0, len(reviews), size)]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = sum(pool.map(_chunk, chunks))
    elapsed = time.perf_counter() - started
    print(f"{workers} processus : {done / elapsed:,.0f} avis/s (démarrage des processus compris)")


if __name__ == "__main__":
    main()
