"""``tariffscope eval extract``: score the news reader against gold annotations."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from tariffscope.cli._app import Format, guarded, out_console
from tariffscope.cli._json import print_json
from tariffscope.errors import InputError, MalformedInputError

__all__ = ["register"]


GoldOption = Annotated[
    Path, typer.Option("--gold", help="Folder of gold annotations (<article-stem>.json).")
]
ArticlesOption = Annotated[
    Path, typer.Option("--articles", help="Folder of the articles (<article-stem>.txt or .html).")
]
PredictionsOption = Annotated[
    Path | None,
    typer.Option(
        "--predictions",
        "--predicted",
        help="Score this folder of <stem>.json predictions (the reader's or a second "
        "annotator's) instead of running the pipeline.",
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Print a table or JSON.")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy model to load.")]
JobsOption = Annotated[
    int, typer.Option("--jobs", "-j", min=1, max=64, help="Worker processes for the pipeline.")
]
PerArticleOption = Annotated[bool, typer.Option("--per-article", help="Also print F1 per article.")]
ByRuleOption = Annotated[
    bool,
    typer.Option(
        "--by-rule",
        help="Also print true and false positives and precision per rule id (events, measures).",
    ),
]
BreakdownOption = Annotated[
    bool,
    typer.Option(
        "--breakdown",
        help="Also print how many events and measures would pair with each match criterion "
        "dropped in turn (which criterion loses the most matches).",
    ),
]


def _load_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MalformedInputError(f"{path}: not a readable JSON file ({error})") from None
    if not isinstance(data, dict):
        raise MalformedInputError(f"{path}: the JSON is not an object")
    return data


def _article_file(folder: Path, stem: str) -> Path:
    for suffix in (".txt", ".html", ".htm"):
        candidate = folder / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    raise InputError(f"{folder}: no article {stem}.txt or .html for gold file {stem}.json")


def _prediction(folder: Path, stem: str) -> Path:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of predictions")
    path = folder / f"{stem}.json"
    if not path.is_file():
        raise InputError(f"{folder}: no prediction {stem}.json for gold file {stem}.json")
    return path


def _pct(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.2f}"


def register(app: typer.Typer) -> None:
    """Add the ``eval`` group with ``eval extract``."""
    group = typer.Typer(help="Score tariffscope against annotated data.", no_args_is_help=True)
    app.add_typer(group, name="eval")

    @group.command("extract")
    @guarded
    def eval_extract(
        gold: GoldOption,
        articles: ArticlesOption,
        predictions: PredictionsOption = None,
        fmt: FormatOption = Format.table,
        model: ModelOption = None,
        jobs: JobsOption = 1,
        per_article: PerArticleOption = False,
        by_rule: ByRuleOption = False,
        breakdown: BreakdownOption = False,
    ) -> None:
        """Micro precision, recall and F1 per record kind, and attribute accuracy on matched
        pairs, with the rules at the end of GUIDELINES.md (see docs/extraction.md)."""
        from tariffscope.domain.news import Extraction
        from tariffscope.news.score_breakdown import ALL_CRITERIA, Relaxation, relaxed_matches
        from tariffscope.news.scoring import score_corpus

        if not gold.is_dir():
            raise InputError(f"{gold}: not a folder of gold annotations")
        stems = sorted(p.stem for p in gold.glob("*.json"))
        if not stems:
            raise InputError(f"{gold}: no .json gold files")
        golds = [Extraction.from_dict(_load_json(gold / f"{s}.json")) for s in stems]
        if predictions is not None:
            preds = [Extraction.from_dict(_load_json(_prediction(predictions, s))) for s in stems]
        else:
            from tariffscope.news.api import extract_many
            from tariffscope.news.ingest import read_article
            from tariffscope.news.pipeline import load_pipeline

            if not articles.is_dir():
                raise InputError(f"{articles}: not a folder of articles")
            items = [read_article(_article_file(articles, s)) for s in stems]
            from tariffscope.tracker._law_dating import catalog_law

            preds = list(extract_many(items, load_pipeline(model), n_process=jobs, law=catalog_law))
        report = score_corpus(zip(stems, golds, preds, strict=True))
        relaxed: tuple[Relaxation, ...] = ()
        if breakdown:
            relaxed = relaxed_matches(zip(golds, preds, strict=True))
        if fmt is Format.json:
            data = report.to_dict()
            if not by_rule:
                data.pop("rules")
            if breakdown:
                data["breakdown"] = {
                    field: {r.dropped: r.matched for r in relaxed if r.field == field}
                    for field in ("events", "measures")
                }
            print_json(data)
            return
        table = Table(
            title=f"Extraction scores on {len(stems)} articles ({gold})", title_justify="left"
        )
        for column in ("records", "gold", "predicted", "matched", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if column == "records" else "right")
        for f in report.fields:
            table.add_row(
                f.name,
                str(f.gold),
                str(f.predicted),
                str(f.matched),
                _pct(f.precision),
                _pct(f.recall),
                _pct(f.f1),
            )
        out_console.print(table)
        accuracy = Table(title="Accuracy on matched pairs", title_justify="left")
        for column in ("attribute", "correct", "pairs", "accuracy"):
            accuracy.add_column(column, justify="left" if column == "attribute" else "right")
        for a in report.attributes:
            accuracy.add_row(a.name, str(a.correct), str(a.total), _pct(a.accuracy))
        out_console.print(accuracy)
        if per_article:
            detail = Table(title="F1 per article", title_justify="left")
            detail.add_column("article")
            for f in report.fields:
                detail.add_column(f.name, justify="right")
            for article in report.articles:
                detail.add_row(article.name, *(_pct(f.f1) for f in article.fields))
            out_console.print(detail)
        if by_rule:
            rules = Table(title="Predictions per rule", title_justify="left")
            for column in ("records", "rule", "true", "false", "precision"):
                rules.add_column(
                    column, justify="left" if column in {"records", "rule"} else "right"
                )
            for r in report.rules:
                rules.add_row(
                    r.field,
                    r.rule,
                    str(r.true_positives),
                    str(r.false_positives),
                    _pct(r.precision),
                )
            out_console.print(rules)
        if relaxed:
            lost = Table(
                title="Matches with one criterion dropped (aggregate)", title_justify="left"
            )
            for column in ("records", "criterion dropped", "matched", "gain"):
                lost.add_column(
                    column, justify="right" if column in {"matched", "gain"} else "left"
                )
            strict = {x.field: x.matched for x in relaxed if x.dropped == ALL_CRITERIA}
            for x in relaxed:
                everything = x.dropped == ALL_CRITERIA
                lost.add_row(
                    x.field,
                    "none" if everything else x.dropped,
                    str(x.matched),
                    "" if everything else f"+{x.matched - strict[x.field]}",
                )
            out_console.print(lost)
