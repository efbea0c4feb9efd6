"""stub"""
from spacy.language import Language
from spacy.tokens import Doc
from tariffscope.news._component import LexiconComponent
from tariffscope.news.lexicon import Lexicon
class EventComponent(LexiconComponent):
    def annotate(self, doc: Doc) -> None:
        doc._.tariffscope_events = []
@Language.factory("tariffscope_events", default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}})
def make_measure_component(nlp: Language, name: str, lexicon: Lexicon) -> EventComponent:
    return EventComponent(nlp, name, lexicon)
