"""stub"""
from spacy.language import Language
from spacy.tokens import Doc
from tariffscope.news._component import LexiconComponent
from tariffscope.news.lexicon import Lexicon
class MeasureComponent(LexiconComponent):
    def annotate(self, doc: Doc) -> None:
        doc._.tariffscope_measures = []
@Language.factory("tariffscope_measures", default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}})
def make_measure_component(nlp: Language, name: str, lexicon: Lexicon) -> MeasureComponent:
    return MeasureComponent(nlp, name, lexicon)
