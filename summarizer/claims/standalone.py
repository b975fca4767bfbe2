"""Whether a sentence can stand alone as a claim on a card.

Two verdicts beyond "boilerplate" (see `extract/patterns.py`): a sentence that is not article
prose at all (a caption, a bio, a call to action, a sign-off, UI text, a table row, a sentence
whose formula or code was stripped) is never a claim; a sentence a reader cannot follow alone
(it opens with a reference to what came before, asks a question the article answers later, or
talks about the post itself) is a claim only when its section offers nothing better.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from summarizer.alternation import AsciiFolded, FoldedAlternation
from summarizer.claims.picture_lines import is_picture_line
from summarizer.claims.publication_lines import is_publication_line
from summarizer.extract.patterns import is_cut_after_stop, is_cut_off
from summarizer.text import UNSPACED_CHAR, unify_apostrophes

# A comparison whose second term the sentence gives itself reads alone: "the same" with its
# noun and "que" ("De la misma forma que en 2019, el gobierno...", "El mismo día que..."; not
# "La misma compañía reconoce que...") and German "noch mehr" with "als" in its clause ("Noch
# mehr Menschen als im Vorjahr besuchten...").
_SAME_AS_AFTER = r"(?: [^\W\d_]+)? (?:que\b|qu'|como\b)"
_MORE_THAN_AFTER = r"[^,;:.!?]*\bals\b"
# Openings that lean on the sentence before: pronouns, demonstratives, connectives and
# "of course"-style asides, in the languages Skim meets most.
_LEANING_OPENINGS = (
    # English
    r"this|that|these|those|it|its|they|them|their|he|she|his|her|him|here|again|also|but"
    r"|and|or|so|yet|still|then|thus|hence|therefore|however|moreover|furthermore|meanwhile"
    r"|besides|instead|otherwise|nevertheless|nonetheless|of course|in addition|in fact"
    r"|indeed|as a result|for example|for instance|by contrast|in contrast|on the other hand"
    r"|similarly|likewise|such|the same|another|others|afterwards"
    r"|finally|lastly|secondly|thirdly|now|plus|which|where|not to|needless to say"
    # ...the first of several points a sentence before announced ("First, it is a well-written
    # piece...": not "First responders..."), a count standing for things named before ("There
    # are several, but in this case...", "There are two."; not "There are four, not three,
    # seats left...", "There are many, including the mayor, who...")
    r"|first(?:ly)?(?=,)|first of all|there (?:are|were) (?:several|many|some|a few|others|two"
    r"|three|four|five)(?=\s*(?:,\s*(?:but|and)\b|[.;]))"
    # ...and a spoken turn, only with its comma ("Ok, now for...": not "OK Computer was...")
    r"|believe it or not|trust me|sure enough|to be fair|that said|even so|after all|well"
    r"|ok(?:ay)?(?=\s*,)"
    # ...and a habit told before: "As usual, the answer is to evolve history.", "Wie gewohnt
    # ...", "Comme toujours, ..." (not "As ever more people move...": more and more; nor German
    # "Wie immer", as often a truth in general: "Wie immer ist das umweltschonendste
    # Kleidungsstück jenes, das man bereits besitzt.")
    r"|as (?:usual|always)|as (?:ever|before)(?=\s*,)|wie (?:gewohnt|üblich|gehabt)"
    r"|comme (?:d'habitude|toujours"
    r"|d'ordinaire)|como (?:siempre|de costumbre|sempre|de costume)|come (?:sempre|al solito"
    r"|di consueto)|zoals (?:altijd|gewoonlijk)"
    r"|in other words|in short|in sum|in summary|to sum up|all (?:of )?(?:this|that|the above)"
    r"|the above|as such"
    r"|at (?:the same time|this point|that point)|by then|since then|until then|even then"
    r"|because of (?:this|that)|despite (?:this|that)|after that|before that|either way"
    r"|(?:other|rather) than (?:that|this)|(?:apart|aside) from (?:that|this)|beyond (?:that|this)"
    r"|in (?:this|that|any|either) case|while you're at it"
    # German
    r"|dies|diese[rsmn]?|das (?:ist|war|sind|weiß|zeigt|heißt|bedeutet|klingt|liegt|macht|hat"
    r"|kann|wird|gilt|passiert|stimmt|reicht|geht|geschieht|betrifft|führt|sorgt|ändert|bringt"
    r"|lässt|muss|soll|sollte|könnte|würde|wäre|hätte|hatte|konnte|wurde|funktioniert|hilft"
    r"|kostet|dauert|klappt|scheint|bleibt|erfordert|ermöglicht|verhindert|gelingt|ergibt)|er|aber|und|auch|doch|dann|daher|deshalb|außerdem|zudem"
    r"|trotzdem|hier|dort|dabei|damit|dazu|darum|also|denn|dennoch|jedoch|allerdings|deswegen"
    r"|darüber hinaus|somit|folglich|stattdessen|ebenso|genau das|dadurch|dafür|davon|darauf"
    r"|danach|seine[mnrs]?|oder"
    # ...and the next of a sequence told before: "Als nächstes kommt natürlich...", "Next, ..."
    r"|als (?:nächste[rs]?|letzte[rs]?)|next(?=\s*,)|next up|up next|zum schluss"
    # ...and "sie" with a verb in the singular (she, it: "Sie ist hübsch, aber...", "Sie bleibt
    # im Amt...", "Sie züchtet..."): a modal, or a verb ending in "-t" or "-te"; the polite "Sie"
    # (you) takes the plural ("Sie können...", "Sie erhalten...", "Sie fragen sich..."), or is
    # the object of a verb that agrees with the subject after it, the stock phrase of hotel,
    # event and shop pages ("Sie erwartet ein abwechslungsreiches Programm...": not "Sie
    # überzeugt uns...", "Sie freut sich...", where the verb's object is the pronoun after it)
    r"|sie (?:ist|war|hat|hatte|wird|wurde|kann|konnte|muss|musste|soll|sollte|will|wollte|darf"
    r"|mag|weiß|(?!(?:nicht|selbst|jetzt|oft|erst|meist|sonst|fast|gut|mit|seit|(?:erwartet"
    r"|interessiert|begeistert|überzeugt|überrascht|freut)(?! (?:uns|mich|dich|ihn|euch|sich"
    r"|es)\b))\b)(?-i:[a-zäöüß]+te?))"
    # ...and a preposition and a pronoun for someone named before: "Für sie kann die
    # Bruderhahnaufzucht nur eine Brücke sein..." (in small letters: "Für Sie" is the reader)
    r"|(?:für|mit|von|bei|nach|laut|zu|an|über|gegen|ohne|neben|vor|wegen|trotz)"
    r" (?-i:sie|ihn|ihm|ihnen)"
    # ...and "both" for two things named before ("Beide Veranstaltungen sind einen Besuch
    # wert...", "Ambas mediciones se hicieron..."), not "both X and Y" ("Both Requests and
    # Responses may...", "Both the U.S. and China..."; German says "sowohl X als auch Y", so its
    # "beide X und Y" is two named before and more), nor a pair every reader knows of ("Both
    # parents must sign...", "Beide Elternteile...", "Ambas manos...")
    r"|both(?! (?:[\w'’.-]+ ){1,4}(?:and|&)\b)(?! (?:parents|hands|feet|eyes|ears|arms|legs"
    r"|chambers|houses of|sides of)\b)|beide[nrs]?(?! (?:eltern(?:teile)?|hände|füße|augen"
    r"|ohren|arme|beine|kammern)\b)|(?:ambos|ambas)(?! (?:padres|pais|manos|mãos|pies|pés|ojos"
    r"|olhos|brazos|braços|lados d[eo]|cámaras|câmaras)\b)|(?:entrambi|entrambe)(?! (?:i genitori"
    r"|le mani|i lati|le camere)\b)|оба|обе"
    # ...and "nur" as "but" ("Nur, dass die Städte...", "Nur, so einfach ist...", "Nur können
    # uns diese auch..."), a German clause or its verb straight after it; not "only" before
    # what it limits ("Nur zwei Prozent hatten...", "Nur hier gibt es...", "Nur, weil ein Auto
    # teuer ist, ..."), nor the name ("Nur, a 24-year-old nurse from Aleppo, ...")
    r"|nur,\s*(?:dass|so|doch|leider|eben|es|man|wir|ich|er|sie|die|der|das|dies\w*)\b"
    r"|nur (?:dann|so|damit|dadurch|deshalb|ist|sind|war|waren|hat"
    r"|haben|hatte|hatten|kann|können|konnte|konnten|muss|müssen|musste|soll|sollte|sollten"
    r"|wird|werden|wurde|wurden|gibt|gab|bleibt|fehlt|reicht|geht|lässt|wäre|hätte|würde)"
    # French
    r"|elle|ils|elles|cela|ceci|ça|cette|ces|mais|et|donc|ensuite|puis|aussi|pourtant"
    r"|cependant|en effet|par ailleurs|ainsi|ou"
    # Spanish, Portuguese, Italian
    r"|esto|esta|este|estos|estas|eso|él|ella|ellos|ellas|pero|y|además|sin embargo"
    r"|entonces|así|ese|esa|esos|esas|aquel|aquella|dicho|dicha|isso|isto|essa|esse|ele|ela"
    r"|eles|elas|mas|e|também|além disso"
    r"|no entanto|então|questo|questa|quindi|inoltre|però"
    # ...and what follows from, answers or matches a point made before: "Por ende, las
    # ventajas...", "El problema es que...", "La misma compañía reconoce...", "Zum anderen..."
    r"|por (?:ende|lo tanto|tanto|eso|ello|consiguiente|su parte|isso|sua vez)|mientras tanto"
    r"|a su vez|aun así|ainda assim|en cambio|asimismo|no obstante|portanto|enquanto isso"
    rf"|(?:el|la|los|las|o|a|os|as|le|les|lo) (?:mism[oa]s?|mesm[oa]s?|même|mêmes|stess[oa])"
    rf"(?!{_SAME_AS_AFTER})"
    r"|(?:el|o|le|il|das|the) (?:problema|problème|problem) (?:es|é|est|è|ist|is),? (?:que"
    r"|che|dass|that)|par conséquent|en revanche|toutefois|néanmoins|d'ailleurs|par contre"
    r"|tuttavia|pertanto|invece|zum (?:anderen|zweiten)|ebenfalls|unterdessen|währenddessen"
    r"|nichtsdestotrotz|derselbe|dieselbe|dasselbe|better yet|what's more|worse still"
    r"|even worse|on top of that|to be sure|according to (?:him|her|them)"
    # ...and more of the page languages of the corpus: German adverbs that point back ("Hinzu
    # kommt...", "Darin trafen sich...", "Seitdem bin ich..."), a third person cited ("Ihm
    # zufolge...")
    r"|gleichzeitig|zugleich|hinzu kommt|zusätzlich|darin|daraus|darunter|auf diese (?:weise"
    r"|art)|auf diesem wege?|in diesem (?:fall|zusammenhang|sinne)|seitdem|seither|schließlich"
    r"|immerhin|übrigens|ähnlich"
    r"|alternativ|anschließend|daraufhin|demnach|demzufolge|andererseits|ansonsten|sonst"
    r"|solche[rsmn]?|sein|(?:ihm|ihr|ihnen) zufolge"
    # ...a preposition and a demonstrative ("An diesem Optimismus...", "Mit solchen Mitteln...";
    # not a time: "In diesem Jahr...")
    r"|(?:an|in|mit|bei|von|zu|auf|aus|nach|trotz|wegen|durch|für|über|unter|vor|seit|neben)"
    r" (?:diese[mnrs]?|solche[mnrs]?)(?! (?:jahr|woche|monat|saison|sommer|winter|frühling"
    r"|frühjahr|herbst|wochenende|tag|montag|dienstag|mittwoch|donnerstag|freitag|samstag"
    r"|sonntag|artikel|beitrag|text|video|abschnitt|ratgeber|blogbeitrag|post|seite)\b)"
    # Spanish: "También será...", "Por esta razón...", "Su influencia...", and a subject left
    # out, as Spanish, Portuguese, Italian and Polish do, before a speech verb ("Dijo que...")
    r"|también|tampoco|incluso|igualmente|es decir|o sea|por (?:otro lado|otra parte)"
    rf"|(?:del mismo modo|de igual (?:forma|manera))(?!{_SAME_AS_AFTER})"
    r"|de (?:esta|esa) (?:forma|manera)"
    r"|de (?:este|ese) modo|en (?:este|ese) (?:sentido|caso|contexto|marco|punto|escenario)"
    r"|(?:ante|tras|con|pese a|a pesar de) (?:esto|ello|eso)|por (?:esta|esa|dicha|tal) (?:razón"
    r"|causa)|por (?:este|ese|dicho|tal) motivo|según (?:él|ella|ellos|ellas|dijo)|aquellos"
    r"|aquellas|luego(?! (?:de|del|que)\b)|después(?! (?:de|del|que)\b)"
    r"|lo (?:dijo|hizo|explicó|afirmó|aseguró)|sus?(?= (?-i:[a-záéíóúñ]))"
    r"|(?:dijo|afirmó|añadió|agregó|explicó|señaló|aseguró|indicó|destacó|sostuvo|subrayó"
    r"|precisó|advirtió|recordó|apuntó) que"
    # Portuguese: "Depois, ele foi...", "Segundo ele...", "Nesse sentido...", "Afirmou que..."
    r"|depois(?! (?:de|do|da|dos|das|que)\b)|contudo|todavia|porém|entretanto|pois|ou seja"
    rf"|isto é|com isso|por outro lado|da mesma forma(?!{_SAME_AS_AFTER})|(?:desta|dessa) forma"
    r"|(?:deste|desse) modo"
    r"|apesar disso|mesmo assim|nesse|nessa|nisso|naquele|naquela|aquilo|estes|esses|essas"
    r"|aquele|assim(?! como\b)|só que|tudo isso|outra coisa|segundo (?:ele|ela|eles|elas)"
    r"|(?:seu|seus|suas|sua)(?= (?-i:[a-záéíóúâêôãõç]))|(?:disse|afirmou|acrescentou|explicou"
    r"|declarou|ressaltou|destacou|completou|lembrou|avaliou) que"
    # Italian: "Questi orologi...", "Anche...", "Ciò...", "Ha detto che..."
    r"|questi|queste|quel|quello|quella|quei|anche|perciò|infatti|dunque|comunque"
    r"|eppure|ciò|egli|esso|essa|loro|poi|(?:ma|lei|lui)(?= (?-i:[a-zàèéìòù]))"
    r"|(?:il suo|la sua|i suoi|le sue)|ha (?:detto|spiegato|aggiunto|sottolineato|dichiarato)"
    r"|secondo (?:lui|lei|loro)"
    # French: "Car...", "Certes...", "D'où...", "Ce système...", "Il a ajouté..."
    r"|car|certes|d'où|de même|de plus|en outre|enfin|pour autant|malgré (?:cela|tout|ça)"
    rf"|de cette (?:façon|manière)|de la même (?:façon|manière)(?!{_SAME_AS_AFTER})"
    r"|pour cette raison|(?:c'est|ce sont) (?:pourquoi"
    r"|aussi|donc|là|ainsi)|avec aussi|dès lors|du coup"
    r"|bref|leur|ceux-ci|celui-ci|celle-ci|celles-ci|ce dernier|cette dernière"
    r"|ces derniers|ses|sa(?= (?-i:[a-zàâçéèêëîïôûùüÿœ]))|selon (?:lui|elle|eux|elles)"
    r"|d'après (?:lui|elle|eux|elles)|au contraire|à l'inverse|alors(?! que\b)"
    r"|dans (?:ce|cet|cette|ces) (?:cas|contexte|sens|cadre|domaine|but|esprit|optique"
    r"|perspective|conditions)"
    r"|ce(?= (?-i:[a-zàâçéèêëîïôûùüÿœ]))(?! (?:qui|que|qu'|dont|soir|matin|midi|week-end"
    r"|weekend|mois|jour|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|printemps"
    r"|siècle|n'est|sont|fut)\b)|cet(?! (?:été|hiver|automne|après-midi)\b)"
    r"|il (?:a |avait )?(?:déclaré|ajouté|expliqué|précisé|souligné|affirmé|indiqué|estimé"
    r"|assuré|rappelé|dit|explique|ajoute|précise|souligne|affirme|estime|assure|rappelle"
    r"|déclare)"
    # Dutch ("die" is German's article too)
    r"|dit|deze|dat|hij|zij|maar|ook|toch|daarom|daardoor|daarnaast|bovendien|echter|dus"
    r"|verder|hierdoor|hiermee|daarbij|hun|haar"
    # Polish and Czech ("to", "on", "one", "ten" and "ich" are English or German words too)
    r"|jednak|jednakże|ale|natomiast|ponadto|poza tym|dlatego|więc|zatem|także|również|wtedy"
    r"|wówczas|mimo to|jednocześnie|tymczasem|co więcej|z kolei|w związku z tym|dzięki temu"
    r"|oprócz tego|do tego|tym samym|chodzi o|ona|oni|ono|jego|jej|tego|tej"
    r"|(?:ta|te)(?= (?-i:[a-ząćęłńóśźżěščřžýáíéůú]))"
    r"|(?:powiedział|dodał|podkreślił|zaznaczył|stwierdził|przyznał|wyjaśnił|ocenił"
    r"|zapowiedział|poinformował)[ao]?|však|proto|toto|tento|tato|tyto|navíc|přesto|nicméně"
    r"|zároveň|rovněž"
    # Russian, Ukrainian
    r"|это|эти|этот|эта|он|она|они|оно|но|однако|кроме того|поэтому|также|тем не менее"
    r"|при этом|тогда|зато|впрочем|его|её|ее|их|такой|такая|такие|це|ці|цей|ця|але|проте"
    r"|тому|також|він|вона|вони|її"
    # ...and a point made before that the sentence sets against, outdoes or returns to:
    # "Hingegen wird sich...", "Vielmehr haben...", "Umso grösser ist...", "Anders sieht es bei
    # den Daten aus.", "Noch besser sieht es aus, wenn...", "Zurück zur Frage...", "Als ob...",
    # "Separately, the office projects..." (not a time: "Noch am Samstag..."; and not "Zuvor",
    # "Previously", "Hierbei", "Hierfür": the time before the news and a section's opening
    # pointing at its subheading, "Beispielrechnung" -> "Hierfür ist die Annahme, dass...",
    # read alone)
    r"|hingegen|vielmehr|um ?so|anders (?:sieht|sah|ist|war|verhält|verhielt)|noch (?:besser"
    rf"|schlimmer|wichtiger|einfacher|mehr|weniger|größer|grösser|schöner)(?!{_MORE_THAN_AFTER})"
    r"|als ob|as if|comme si"
    r"|como si|separately(?=,)|(?:zurück zu[rm]?|back to(?: the| our)?) (?:frage|ausgangsfrage"
    r"|thema|punkt|question|point|topic|issue|matter|subject)"
    # ...the first of several points announced before, in the other languages ("Il y a d'abord
    # le poids de la géographie.", "Erstens...", "En primer lugar..."; not "d'abord" before a
    # past participle, "first" as in "first published": "D'abord publié en 2008, le livre...")
    r"|(?:il y a,? (?:tout )?|tout )d'abord|d'abord(?! [^\W\d_]{3,}(?:ée?s?|ue?s?|ie?s?|ite?s?)\b)"
    r"|(?:il y a,? )?premièrement|erstens|zum einen"
    r"|en primer lugar|em primeiro lugar|in primo luogo|innanzitutto|po pierwsze"
    # ...and "the same" after a preposition ("Durante la misma entrevista de ayer...")
    r"|(?:durante|en|de|con|desde|tras|para|por|a|em|no|na|com|dans|avec) (?:el|la|los|las|o|a"
    rf"|os|as|le|les) (?:mism[oa]s?|mesm[oa]s?|même|mêmes)(?!{_SAME_AS_AFTER})"
    # Korean: "하지만..." (but), "또한..." (also), "물론..." (of course), "이러한..." (such),
    # "그는..." (he), "여기에..." (to this), "두 번째 시선은..." (the second of points announced:
    # a second presumes a first named before); "첫 번째" (the first) only as an enumerator, with
    # its comma or "로" ("첫째로, ...") or before a noun of points ("첫 번째 시선으로서...", "as
    # the first view"; not "첫 번째 아이폰은...", the first iPhone); not the
    # demonstrative "이" alone, a surname as often ("이 대표는..."), nor "그" in a set phrase
    # ("그 어느 때보다...", than ever; "그 누구도...", no one)
    r"|하지만|그러나|그런데|그리고|그래서|따라서|그러므로|그러니|또한|또|게다가|더구나|한편|반면"
    r"|다만|물론|(?:첫 번째|첫째)(?=\s*,)|(?:첫 번째|첫째)로|(?:첫 번째|첫째)(?= (?:이유|시선"
    r"|관점|문제|방법|단계|요소|조건|특징|원인|질문|차이|장점|단점))|두 번째|둘째|세 번째|셋째"
    r"|이에|이는|이를|이것은|이것이|이러한|이런|이와|이처럼|이 때문에|이같은|이렇듯|그럼에도"
    r"|그러면서|그는|그녀는|그들은|그의|그녀의|그것은|그것이|그건|그게|그(?! (?:어느|누구|무엇"
    r"|어떤))|여기에|이어"
    # ...and a pronoun standing for someone named before, after a sentence adverb: "Maybe she
    # was just being lured.", "Zunächst steckt er die Äste in den Trichter." (German "sie" in
    # small letters: "Sie" is the reader addressed, "Heute können Sie...")
    r"|(?:maybe|perhaps|probably|surely|clearly|apparently|evidently|unfortunately|fortunately"
    r"|sadly|luckily|today|soon|later|eventually|ultimately|at first|at last|in the end),?"
    r" (?:he|she|they)|(?:vielleicht|wahrscheinlich|offenbar|offensichtlich|heute|bald|später"
    r"|zunächst|endlich|leider|natürlich|tatsächlich|eigentlich|inzwischen|mittlerweile|jetzt"
    r"|nun|damals|bereits|schon|sofort|plötzlich|zuletzt) [^\W\d_]+ (?-i:er|sie)"
)
# ...and, in scripts written without spaces, a connective set off by a comma: "然而，...",
# "しかし、..." (a word boundary there would need the comma), "对此..." ("to this"), or "还"
# ("also") before a verb of saying or a modal, or "还有" before a share of those meant: "还有
# 一些学子表示..." ("Some students also said..."); not "还有三天..." ("three days are left"),
# nor "还在建设中的..." ("still under construction").
_UNSPACED_LEANING_RE = re.compile(
    r"^\W*(?:(?:但是|然而|此外|因此|所以|而且|同时|另外|不过|可是|与此同时|于是|因而|从而"
    r"|总之|しかし|また|さらに|そのため|その後|一方|だが|でも|そして|それでも|ただし|なお"
    r"|つまり|ところが|このため)[，,、]|对此|为此|これに対し"
    # ...or a pronoun or a demonstrative: "这“英雄的城市”称谓...", "此时...", "他格外关注...",
    # "该公司...", "その後...", "彼は...", "同社は..." (not "其实", "actually"; nor "他人",
    # "others"; nor "彼" without its particle: "彼得", Peter, "彼岸", the equinox; nor "それぞれ",
    # each; nor "此前", previously, as "Zuvor" reads alone; nor a time: "この夏、...", "这些年来，
    # ...", "このほど、..." and "この度、...", recently, opening a press release)
    r"|(?!(?:这|该|この|その)些?(?:年|月|周|天|日|夏|冬|春|秋|度|ほど|時期))"
    r"(?:这|此(?:时|后|外|次|举)|(?:他|她|它)(?!人|乡|国)|该|其(?!实|他|它)|これ|それ(?!ぞれ)"
    r"|この|その|彼(?:は|が|の|も|に|を|ら|女)|同社|同氏)"
    r"|还有(?:一些|不少|部分|很多|许多)|还(?:表示|指出|称|说|强调|要|会|将|可以|需要))"
)
# ...but "This year", "That week" and "It is unclear" stand on their own.
_SELF_CONTAINED_OPENING = (
    r"(?:this|that|these|those) (?:year|week|month|morning|afternoon|evening|weekend|season"
    r"|summer|winter|spring|fall|autumn|time|day|past|coming|next)s?\b"
    r"|it (?:is|was|has been|will be|remains|seems) (?:\w+ )?(?:clear|unclear|likely|unlikely"
    r"|possible|impossible|estimated|expected|important|worth|true|hard|easy|difficult|time"
    r"|known|believed|thought)\b"
    # ...nor do their kin in the other languages: "Dieses Jahr...", "Cette semaine...", "Esta
    # temporada...", "Questa settimana...", "Deze week..."
    r"|diese[nrs]? (?:woche|jahr|monat|saison|sommer|winter|frühling|frühjahr|herbst"
    r"|wochenende|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|mal)\b"
    r"|cette (?:semaine|année|saison|nuit|fois|matinée|soirée)\b|ces (?:derniers|dernières)"
    r" (?:jours|mois|années|semaines)\b|(?:este|esta|estos|estas) (?:año|mes|fin de semana"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|verano|invierno|otoño|primavera"
    r"|semana|temporada|mañana|tarde|noche|vez|días|meses|años|ano|verão|inverno|outono"
    r"|segunda|terça|quarta|quinta|sexta)\b|questa (?:settimana|mattina|sera|volta|stagione"
    r"|estate)\b|questo (?:mese|fine settimana|weekend)\b|dit (?:jaar|weekend|voorjaar"
    r"|najaar)\b|deze (?:week|maand|zomer|winter|herfst|lente|keer)\b"
    # ...nor a demonstrative that points ahead, at what the sentence names after a colon: "Das
    # wäre stärkenorientierte Führung: Dass die Mitarbeitenden...", "This is the plan: ...",
    # "Here's how the tax works: every household pays..."
    r"|(?:(?:this|that|das|dies|cela|ceci|ça|esto|eso|isso|isto|questo) (?:is|was|would be|ist"
    r"|war|wäre|est|serait|es|sería|é|seria|è|sarebbe)\b|here's\b)[^.:;,!?]{0,50}:\s*\S"
)
# ...and a pronoun or "that" contracted with its verb: "That's exactly how I felt...", "She's
# ..." ("It's" often opens a sentence of its own: "It's been a year since..."), and "Here's",
# which shows what sits beside the text (a chart, a table, a quote: "Here's the most recent
# data on drug seizures...") or what follows.
_CONTRACTED_LEANING = r"(?:that|he|she|they)'(?:s|re|ve|ll|d)\b|here's\b"
_LEANING_RE = re.compile(
    rf"^\W*(?!(?:{_SELF_CONTAINED_OPENING}))(?:(?:{_LEANING_OPENINGS})\b(?!['-])"
    rf"|{_CONTRACTED_LEANING})",
    re.IGNORECASE,
)
# A subject and a word that continues a story told before: "Mr. Garrett then swung it...",
# "Apple also said...", "Sie hat dann...", or draws a conclusion from it ("File-by-File
# therefore is based on...", "Le projet donc...").
_CONTINUING_RE = re.compile(
    r"^\W*(?:[A-Z][\w.'’-]*\s){1,3}(?:then|also|again|later|too|still|instead|dann|danach"
    r"|ensuite|puis|luego|después|depois|poi|therefore|thus|hence|consequently|accordingly"
    r"|donc|quindi|dunque|portanto|por lo tanto|por tanto)\b"
)
# A turn from what came before set inside the sentence's first clause: "Leider hat die
# Wollproduktion aber auch ihre Schattenseiten...", "The plan, however, failed.", "El plan, sin
# embargo, fracasó." (German "aber auch" with no comma before it is "but ... too", adding to a
# point made before, unless a "sondern" follows; a bare "aber" there often only frames the
# point: "Heute aber ist...").
_WORDS = r"(?:[\w'’-]+\s+){0,5}[\w'’-]+"
# ...or a clause opening the sentence and turned by "though": "Because the doctor suspected
# the duvet, though, he..." (a bare "Be careful, though, ..." is an aside, not a turn), and a
# "though" at its end: "Microsoft is still pushing the console, though."
_THOUGH_RE = re.compile(
    r"^\W*(?:because|since|as|when|if|while|after|once|although|even if)\b[^,.;:!?]{1,100},"
    r"\s*though\s*,|,\s*though\W*$",
    re.IGNORECASE,
)
_CONTRAST_INSIDE_RE = re.compile(
    rf"^\W*{_WORDS}(?:\s+(?:aber|jedoch) (?:auch|ebenso|nicht nur\b(?!.*\bsondern))\b"
    r"|\s*,\s*(?:however|nevertheless|nonetheless|jedoch|allerdings|cependant|pourtant"
    r"|toutefois|néanmoins|sin embargo|no obstante|no entanto|porém|contudo|todavia|però"
    r"|tuttavia)\s*,)",
    re.IGNORECASE,
)
# "These"/"those" and a noun early in an English sentence point at things named before it
# ("The funny thing is that those images...", "Some of these operations..."); "those who",
# "these of" and a verb after it do not. (German "dieser"/"diesem" there is as often a time
# or the article's own subject: "diesen Montag", "Thema dieser Folge".)
_NOT_POINTING = r"who|which|that|of|in|with|from|at|on|for|are|were|is|was|have|had"
_DEMONSTRATIVE_EARLY_RE = re.compile(
    rf"^\W*(?:[\w'’-]+\s+){{1,6}}(?:these|those)\s+(?!(?:{_NOT_POINTING})\b)[^\W\d_]",
    re.IGNORECASE,
)
# ...and, in a story read as one, "this" and a noun that is not a time ("the source of this
# water"): under a subheading "this recipe", "this setting" is the section's own subject.
_POINTS_BACK_RE = re.compile(
    rf"^\W*(?:[\w'’-]+\s+){{1,6}}(?:this|these|those)\s+(?!(?:{_NOT_POINTING}|year|week|month"
    r"|morning|afternoon|evening|weekend|season|summer|winter|spring|fall|autumn|time|day|past"
    r"|coming|next)s?\b)[^\W\d_]",
    re.IGNORECASE,
)
# ...or opens on an epithet standing for a name given before it: "The tech giant is holding
# an event...", "The company said...", "The 38-year-old joined...", or on a noun standing for
# an event told before it: "The incident comes after...", "The move was over...".
_EPITHET_RE = re.compile(
    r"^\W*the\s+(?:[\w'’-]+\s+){0,2}(?:giant|company|firm|startup|carmaker|automaker"
    r"|retailer|conglomerate|\d+-year-old|incident|move|decision|announcement|revelation"
    r"|controversy|development)\b(?!-|\s+(?:of|to|for|by)\b)",  # not "The decision to raise..."
    re.IGNORECASE,
)
# "The latter"/"the former" (German "letzterer", "ersterer") early in a sentence stand for one
# of two things named before it: "Naturally, I fall into the latter category, because...", "The
# former is less bad with..." (not "latter" as "later" before a stretch of time or of a whole:
# "the latter half of the year", "in the latter weeks of the campaign"; not "former" as "once":
# "the former British colony"; and not after an "and" in the sentence, which names the two
# itself: "Between cats and dogs, the latter...", "...from "aqua" and "mens", the latter's...").
_ONE_OF_TWO_RE = re.compile(
    r"^\W*(?:(?!(?:and|und)\b)[\w'’-]+[\s,]+){0,6}(?:the latter\b(?! (?:half|halves|part|parts"
    r"|stages?|phases?|periods?|years|days|weeks|months|decades?|centuries|century|end|portion"
    r"|innings|rounds|episodes|chapters|pages)\b)|the former\b(?=\s*(?:[,.;:!?]|$|'s\b|(?:is"
    r"|was|are|were|has|had|can|could|will|would|two)\b))"
    r"|(?:letztere|erstere)[rsmn]?\b)",
    re.IGNORECASE,
)
# A demonstrative and a noun (not a time: "This year", "esta semana") opening the sentence or
# within its first words, in the languages whose demonstrative is no article too (German
# "dieser" is as often the article's own subject, "Thema dieser Folge"): "This Heart-fan
# dichotomy was illustrated...", "Consultada sobre esta desproporción, una fuente..." - a
# thing the sentence names only as the one told before it.
_TIME_NOUNS = (
    r"year|week|month|morning|afternoon|evening|night|weekend|season|summer|winter|spring|fall"
    r"|autumn|time|day|past|coming|next|año|mes|semana|temporada|mañana|tarde|noche|vez|día"
    r"|verano|invierno|otoño|primavera|lunes|martes|miércoles|jueves|viernes|sábado|domingo|ano"
    r"|verão|inverno|outono|manhã|segunda|terça|quarta|quinta|sexta|semaine|année|saison|nuit"
    r"|fois|matinée|soirée|été|hiver|automne|après-midi|mois|jour|soir|matin|anno|settimana"
    r"|mese|mattina|sera|volta|stagione|estate|giorno|momento|moment"
)
_DEMONSTRATIVE = (
    r"this|these|those|esta|este|estos|estas|esa|ese|esos|esas|essa|esse|essas|esses|cette|ces"
    r"|questa|questo|questi|queste"
)
_NAMES_ANTECEDENT_RE = re.compile(
    rf"^\W*(?:[\w'’-]+\s+){{0,6}}(?:{_DEMONSTRATIVE})\s+(?!(?:{_NOT_POINTING}|{_TIME_NOUNS})s?\b)"
    r"[^\W\d_]",
    re.IGNORECASE,
)
# A sentence holding half of a pair whose other half it leaves to the next one: "Nicht nur
# wurde die Kooperation verkündet." (no "sondern" or "auch"), "Der Entwurf versuche zwar,
# ..." (no "aber"; "und zwar" is "namely").
_HALF_PAIR_RE = re.compile(
    r"^\W*(?:nicht nur|not only|non seulement|no solo|no sólo|não só|non solo)\b"
    r"(?![^.!?]*\b(?:sondern|but|mais|sino|mas|ma|auch|also|aussi|también|também|anche)\b)"
    r"|(?<!\bund )\bzwar\b(?![^.!?]*\b(?:aber|doch|jedoch|allerdings|dennoch)\b)",
    re.IGNORECASE,
)
# A turn to the next step of a guide: "After outlining your version of early retirement, it's
# time to establish how much money you need...", "Now it's time to...", "Jetzt ist es Zeit...".
# (A bare "It's time for a change" is a claim of its own.)
_NEXT_STEP_RE = re.compile(
    r"^\W*(?:(?:now|after|once|having|when)\b[^.!?]{0,80},\s*|(?:now|then),?\s+)"
    r"(?:it's|it is) (?:now )?(?:the )?time (?:to|for)\b|^\W*now's (?:the )?time\b"
    r"|^\W*(?:jetzt|nun|dann) (?:ist es )?(?:an der )?zeit\b|^\W*(?:es|jetzt|nun) ist (?:es )?"
    r"(?:an der )?zeit\b",
    re.IGNORECASE,
)
# A time told from one named before: "Drei Jahre später gewann Elder...", "Three years
# later, ...", "Zwei Tage danach...", "Deux ans plus tard...", "The next day...", "Am
# nächsten Tag..." (not a time from an event the sentence names: "Three years after the fire",
# "Tres años después del incendio", "Due anni dopo il terremoto").
_COUNT = (
    r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|some|many"
    r"|a couple of|ein|eine|einen|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|einige"
    r"|wenige|un|une|deux|trois|quatre|cinq|quelques|plusieurs|una|dos|tres|cuatro|unos|unas"
    r"|varios|varias|pocos|pocas|um|uma|dois|duas|três|alguns|algumas|due|tre|quattro|cinque"
    r"|qualche|pochi|alcuni|een|twee|drie|vier|vijf|enkele|dwa|trzy|cztery|pięć|kilka|\d{1,3})"
    r"\s+)?"
)
_RELATIVE_TIME_RE = re.compile(
    rf"^\W*(?:{_COUNT}(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?"
    r"|moments?)\s+(?:later|afterwards?|after that|earlier|before(?=\s*,))"
    r"|the (?:next|following) (?:day|morning|evening|night|week|month|year|season)"
    r"|the day after\b(?!\s+(?:the|a|an|his|her|their|its)\b)"
    rf"|{_COUNT}(?:sekunden?|minuten?|stunden?|tage?n?|wochen?|monate?n?|jahre?n?"
    r"|jahrzehnte?n?)\s+(?:später|danach|darauf|zuvor|vorher|davor)|tags darauf"
    r"|am (?:nächsten|folgenden|darauffolgenden) (?:tag|morgen|abend)"
    r"|im (?:folgenden|darauffolgenden) jahr"
    rf"|{_COUNT}(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans|années?)\s+"
    r"(?:plus tard|plus tôt|auparavant|après(?=\s*,))|le lendemain|l'année suivante"
    rf"|{_COUNT}(?:segundos?|minutos?|horas?|días?|dias?|semanas?|meses|mes|mês|años?|anos?"
    r"|décadas?)\s+(?:más tarde|mais tarde|antes(?=\s*,)|después(?! de| del| que)"
    r"|depois(?! de| do| da| dos| das| que))|al (?:día|año) siguiente|no (?:dia|ano) seguinte"
    rf"|{_COUNT}(?:ore|ora|giorni|giorno|settimane|settimana|mesi|mese|anni|anno)\s+"
    r"(?:più tardi|dopo(?=\s*,)|prima(?=\s*,))|il giorno dopo|l'anno (?:dopo|successivo)"
    rf"|{_COUNT}(?:dagen?|weken?|maanden?|jaar|jaren|uur)\s+(?:later|daarna|eerder)"
    rf"|{_COUNT}(?:dni|dzień|tygodnie|tydzień|miesiące|miesiąc|lata|lat|rok)\s+"
    r"(?:później|wcześniej))\b",
    re.IGNORECASE,
)
# A quoted term and a colon opening the line: an entry of a definition list, its value and
# what it means ("“request”: guard for a Headers object obtained from a Request.", "'opaque':
# response for “no-cors” request...") - a fragment of the list the sentence before opened.
_DEFINED_TERM_RE = re.compile(r"^\s*[\"'“‘„«‹][^\"'“”‘’„«»‹›\s]{1,30}[\"'”’“»›]\s*:\s")
# A speaker named before and given only as a pronoun in an aside: "Finding water vapor on
# Europa, he said, is the next best thing...", "..., sagte er.", "..., a-t-il ajouté.", "...,
# disse ele." (an opening "He said..." is a leaning opening).
_SPEAKER_ASIDE_RE = re.compile(
    r",\s*(?:he|she|they) (?:said|says|added|adds|noted|notes|explained|explains|argued|argues"
    r"|wrote|writes|recalled|insisted|warned|continued)\b|,\s*(?:so )?(?:sagte|sagt|erklärte"
    r"|erklärt|betonte|betont|meinte|meint|ergänzte|fügte|schreibt|schrieb) (?:er|sie)\b"
    r"|-t-(?:il|elle)\b|\b(?:dit|explique|ajoute|précise|souligne|estime)-(?:il|elle)\b"
    r"|,\s*(?:disse|afirmou|acrescentou|explicou|dijo|afirmó|añadió|agregó|explicó|señaló)"
    r" (?:ele|ela|él|ella)\b",
    re.IGNORECASE,
)
# An answer set after its label, the question left above it: "A: I think the importance of
# empathetic listening...", "R: Oui, ...", "Antwort: ...".
_ANSWER_LABEL_RE = re.compile(
    r"^\W*(?:a|r|answer|antwort|réponse|respuesta|resposta|risposta|odpowiedź)\s*:\s",
    re.IGNORECASE,
)
# A sentence opening on a word in small letters is the end of one cut off before it ("if
# Evidence Action Beta incubates charities...", "meses tiene la aeronave retenida...",
# "ist Gründungspartner..."): not a name written small ("eBay", "c2c", "z-score"), nor a
# particle of one ("de Gaulle", "van Gogh", "von der Leyen"). (An article before a capital
# opens no name: "der Grenzübergangspreis von Rohöl um 55,8 % ... gestiegen." is a list's
# item cut from its lead-in, "le Conseil a ...", "el Gobierno ..." a sentence's end.)
_FIRST_WORD = re.compile(r"^\W*([^\W\d_][\w'’-]*)(?![\w'’-]*[\"”’»])")
_LETTER_OPENINGS = frozenset({"ich", "wir"})
_NAME_PARTICLE_RE = re.compile(
    r"^[\W_]*(?:van|von|de|da|di|du|del|della|ter|ten|al|bin|ibn|dos|do)"
    r"(?: (?:der|den|de|la|le))? [A-Z]"
)
# A German subordinate clause standing alone (German sets a comma between clauses): "Dass es
# nicht nur um mich geht.", "Weil der Zug ausfiel." (the answer to a question before it).
_BARE_CLAUSE_RE = re.compile(
    r"^\W*(?:dass|weil|obwohl|sodass|weshalb|weswegen)\b[^,;:–—()]*$", re.IGNORECASE
)
# Numbered items (a dictionary's senses, a list) run into one sentence: "Durchseuchung, die
# 1. (hoher) Grad der Verbreitung...; Durchgang ... 2.", "1a etapa: ... 2a etapa: ...".
MIN_WORDS_BETWEEN_ITEMS = 3
_ITEM_NUMBER = re.compile(r"(?:^|\s)(\d{1,2})(?:[.)]|[aªº°](?=\s))(?=\s|$)")
# A question put and not answered in the sentence: "Counsel Steve Castor asked Morrison about
# concerns within the NSC..." (the answer is the next sentence).
_REPORTED_QUESTION_RE = re.compile(
    r"\basked\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:about|whether|if|why|how|what)\b(?![^.!?]*\b(?:said"
    r"|replied|answered|responded)\b)"
)
# Sentences about the post or the page rather than the subject.
_SELF_REFERENCE = FoldedAlternation(
    r"\b(?:in this|this) (?:article|post|piece|story|section|tutorial|guide|video|episode"
    r"|review|chapter|blog|essay|paper|interview|list|roundup|series|page)\b"
    r"|^\W*(?:in the (?:previous|next|following|last|first) (?:section|chapter|post|part|article)"
    r"|as (?:mentioned|noted|discussed|shown|seen|explained) (?:above|below|earlier|before)"
    r"|wie (?:bereits|schon|oben) (?:erwähnt|erklärt|beschrieben|gesagt|genannt|angesprochen"
    r"|gezeigt)|como (?:ya )?(?:se )?(?:mencionó|mencionamos|dijimos|vimos|explicamos"
    r"|comentamos)|como (?:ya )?se dijo|comme (?:on l'a|nous l'avons) (?:vu|dit|mentionné"
    r"|expliqué)|comme mentionné"
    r"|como (?:já )?(?:foi )?(?:mencionado|dito|vimos|explicado)|come (?:già )?(?:detto"
    r"|accennato|visto)"
    r"|below,? (?:we|i|you)|here,? (?:we|i)(?:'ll| will)|let'?s (?:take a look|look|dive|start"
    r"|begin|see|get started|talk)|to answer (?:this|that|the|these) questions?|read on"
    r"|keep reading|without further ado|we(?:'ll| will) (?:look at|explore|discuss|cover|see)"
    r"|i(?:'ll| will) (?:show|explain|walk|cover))"
    # ...and the author writing it: "Ich wollte diesen Text schon seit Anfang des Jahres..."
    r"|\b(?:ich|wir)\b[^.!?]{0,60}\b(?:diese[nrs]?|den|meinen|unseren) (?:text|artikel"
    r"|beitrag|blogbeitrag|post)\b[^.!?]{0,60}\b(?:schreiben|geschrieben|verfassen|verfasst)\b"
    # ...and the author's other posts: "...habe ich in meiner ersten Kolumne geschrieben"
    r"|\b(?:in|im) (?:meine[mr]|unsere[mr]) (?:[\w-]+ ){0,2}(?:kolumne|artikel|beitrag|blogpost"
    r"|post|text)\b|\bin (?:my|our) (?:[\w-]+ ){0,2}(?:column|post|blog post|article)\b"
    # how the post was made: "I asked three writers to sum up their thoughts on..."
    r"|^\W*(?:i|we) (?:asked|invited|got) (?:[\w-]+ ){1,4}to (?:sum up|share|give|offer"
    r"|weigh in)\b"
    # ...and in the other languages Skim meets most: "In diesem Artikel", "Nesta página você
    # terá", "Dans cet article", "En este artículo", "In questo articolo", "In dit artikel".
    r"|\b(?:in |auf )?(?:diesem|dieser) (?:artikel|beitrag|text|seite|video|abschnitt|ratgeber"
    r"|blogbeitrag|post)\b|\b(?:dans |sur )?(?:cet|cette) (?:article|page|billet|vidéo"
    r"|section)\b|\b(?:en )?(?:este|esta|neste|nesta|nesse|nessa) (?:artículo|página|post|texto"
    r"|entrada|vídeo|video|sección|artigo|matéria|seção|guia|guía)\b|\b(?:in )?(?:questo"
    r"|questa) (?:articolo|pagina|post|guida|video)\b|\b(?:in )?(?:dit|deze) (?:artikel|pagina"
    r"|blog|bericht)\b",
    re.IGNORECASE,
)
# A roundup presenting itself: "This is the tech news you need to know this Tuesday."
_PRESENTS_ITSELF_RE = re.compile(
    r"\W*(?:this is|these are|here is|here are|here's) (?:the|your|our|today's) "
    r"(?:[\w'’-]+ ){0,3}(?:news|stories|headlines|roundup|briefing|rundown|newsletter|digest)\b",
    re.IGNORECASE,
)
# Answers that there is no answer: "Wann Hühner mit dem Eierlegen beginnen, lässt sich nicht
# verallgemeinern.", "There is no single answer", "It depends on...".
_NO_ANSWER_RE = re.compile(
    r"\blässt sich (?:so )?(?:nicht|kaum) (?:pauschal |genau |allgemein )?(?:verallgemeinern|sagen"
    r"|beantworten|festlegen)\b|\bkommt (?:ganz )?darauf an\b|\bthere(?:'s| is) no (?:single"
    r"|simple|one|easy|right) answer\b|^\W*it (?:all )?depends\b|\bno hay una respuesta\b"
    r"|\bnão há uma resposta\b|\bil n'y a pas de réponse\b",
    re.IGNORECASE,
)
_NO_ANSWER = AsciiFolded(_NO_ANSWER_RE)
# A doubt the writer had and the next sentence dispels: "I was a little wary at the title of
# this book..." ("I needn't have worried..."), "Anfangs war ich skeptisch...".
_DOUBT_RE = re.compile(
    r"^\W*(?:(?:at first|initially|admittedly|zunächst|anfangs|ehrlich gesagt|au début"
    r"|al principio|no início),?\s+)?(?:(?:i|we) (?:was|were|had been|felt)"
    r"|(?:ich|wir) (?:war|waren)|(?:war|waren) (?:ich|wir)|j'étais|estaba|estava|eu estava)"
    r" (?:(?:a little|a bit|somewhat|rather|initially|at first|quite|ein wenig|etwas|erst"
    r"|zunächst|anfangs|ziemlich|un peu|un poco|um pouco) )?(?:wary|sceptical|skeptical"
    r"|worried|unsure|doubtful|nervous|hesitant|apprehensive|dubious|skeptisch|unsicher"
    r"|besorgt|sceptique|inquiet|inquiète|escéptic[oa]|cétic[oa]|preocupad[oa])\b",
    re.IGNORECASE,
)
# ...and the doubt dispelled, which leans on it: "I needn't have worried – the UK bikes are
# fully covered...", "Meine Sorge war unbegründet.", "Ich hätte mir keine Sorgen machen
# müssen."
_DOUBT_DISPELLED_RE = re.compile(
    r"^\W*(?:(?:but|yet|aber|doch|mais|pero|mas),?\s+)?(?:(?:i|we) (?:needn't|need not"
    r"|shouldn't|should not|didn't need to|did not need to|had no need to) have (?:worried"
    r"|feared|been (?:worried|concerned|nervous))|(?:ich|wir) (?:hätte|hätten) (?:mir|uns)"
    r" (?:keine|gar keine|umsonst) sorgen (?:zu )?machen (?:müssen|brauchen)|(?:meine|unsere|die)"
    r" (?:sorge|sorgen|befürchtung|befürchtungen|angst|skepsis) (?:war|waren) (?:jedoch |aber |zum"
    r" glück )?unbegründet)\b",
    re.IGNORECASE,
)
# Routine lines of a report that say no more than that it goes on: "Die Polizei hat die
# Ermittlungen aufgenommen.", "The governor's office did not respond to a request for comment."
_ROUTINE_RE = re.compile(
    r"\b(?:hat|haben) (?:die )?ermittlungen (?:\w+ ){0,3}(?:aufgenommen|eingeleitet|übernommen)\b"
    r"|\bdid(?:n't| not) (?:immediately )?(?:respond|reply) to (?:[\w']+ ){0,3}"
    r"(?:requests?|inquiry|inquiries|emails?|messages?) for comment\b|\bcould not (?:immediately )?"
    r"be reached for comment\b|\bdeclined to comment\b",
    re.IGNORECASE,
)
_ROUTINE = AsciiFolded(_ROUTINE_RE)
# A text of this many words at most without a stop is a label or a list's item.
_MAX_LABEL_WORDS = 3
# A finished sentence's end: its stop, in any script, maybe before a quote's close, a bracket
# or a footnote's mark ("...last year.[3]", "...हुए हैं।"); captions and labels have none.
SENTENCE_END = re.compile(r"[.!?…。！？।॥][\s\"'”’»)\]\d\[]*$")
_MAX_QUANTITY_ITEM_WORDS = 12
# A quantity opening a line: "8-9", "1/2", "22,5", "½", a number glued to its unit ("120g").
_QUANTITY_OPENING = re.compile(
    r"\W*(?:\d+(?:[.,/]\d+)?(?:\s?[-–]\s?\d+)?|[½⅓⅔¼¾⅛])(?:\s|[^\W\d_]+\s)"
)
# Not article prose however it is ranked: calls to action, sign-offs, bios, captions, UI text.
_NOT_PROSE = FoldedAlternation(
    # calls to action and welcome lines
    r"^\W*(?:(?:click|tap)(?: here| the| on| below| to| this| through)|sign up|subscribe"
    r"|register now|download (?:the|our|it|now)|buy now"
    r"|order now|shop now|book now|call us|email us|contact us|check out (?:our|the latest)"
    r"|don't forget to|be sure to (?:follow|subscribe|check|share)|make sure to (?:follow"
    r"|subscribe|check|share)|follow (?:us|me)|like us|tag (?:us|me)|bookmark|learn more"
    r"|find out more"
    r"|use (?:the )?code|welcome to|coloque|klicken sie|hier klicken|jetzt (?:abonnieren"
    r"|anmelden|bestellen|kaufen|aktualisieren)|mehr infos|cliquez|inscrivez-vous|abonnez-vous"
    r"|suscríbete|haz clic|inscreva-se|clique|assine)\b"
    # ...and in the middle of a line, the reader told to click ("Praktika, Traineeprogramme –
    # klicke auf das Firmenlogo und finde alle aktuellen Stellenangebote!")
    r"|(?:^|[–—:;,.!?(])\W*(?:(?:dann|einfach|bitte|jetzt|and|then|just|simply|please)\s+)?"
    r"(?:klicke|klicken sie|click) (?:auf |hier\b|einfach\b|(?:on )?(?:the|a|any|each) (?:logo"
    r"|button|link|banner|icon|image|thumbnail)s?\b)"
    # sign-offs and calls for comments
    r"|^\W*(?:thanks?(?: you)? (?:for|so much|again|to (?:everyone|everybody|all (?:of )?(?:you"
    r"|who|our|my|those who)|those who|the many (?:who|people|contributors|volunteers))"
    r"\b(?!['’]))|thank you\W*$|many thanks|vielen dank"
    r"|danke|merci|gracias|obrigad[oa]|grazie|cheers|happy \w+ing\b|stay tuned|see you"
    r"|until next time|bis bald|bis zum nächsten|à bientôt|hasta (?:pronto|la próxima)"
    r"|good luck|have fun|(?:i |we )?hope (?:this|you)|let (?:me|us) know"
    r"|feel free to|what do you think|tell us (?:what|in)|share your)\b"
    r"|(?:謝謝|谢谢|感謝您|感谢您)\W*$"
    # the reader invited to write in: "As always, you're also welcome to email us at..."
    r"|\byou(?:'re| are) (?:(?:always|also|more than) )*welcome to (?:e-?mail|contact|call|write"
    r"|reach|get in touch)\b|\b(?:e-?mail|write to|contact) (?:us|me) at\b"
    # author bios
    r"|^\W*(?:[A-Z][\w.'-]+ ){1,3}(?:is|was) (?:a|an|the) (?:[\w-]+ ){0,5}(?:writer|journalist"
    r"|reporter|editor|correspondent|author|contributor|columnist|producer|freelancer|blogger"
    r"|photographer|intern|fellow)\b(?:(?!\.).)*\b(?:based in|covering|who covers|for (?:the )?"
    r"[A-Z]\w+|at [A-Z]\w+|and (?:the )?author of)"
    r"|\bfollow (?:him|her|them) on\b|\b(?:he|she|they) (?:lives?|is based|are based) in\b"
    # cross-links written as prose: "You can view our June thread here."
    r"|\b(?:you can|you'll|click|tap|read|see|view|find|watch|listen|check)\b.{0,80}\bhere\W*$"
    # a link to another page set as a short imperative: "Lerne, wie man einen Teppich herstellt."
    r"|^\W*(?:learn|find out|discover|lerne|erfahre|entdecke|découvrez|descubre|scopri)\W+"
    r"(?:how|wie|what|was|why|warum|comment|cómo|come)\b[^.!?]{0,60}[.!]?\W*$"
    # opening hours of an address box: "Milan 9.30 A.M. / 7.00 P.M.", "Täglich 8.30 - 18.00 Uhr"
    # (the first digit is matched before the look back at the character before it: a branch
    # opening with a lookbehind is tried at every character, one opening with a digit only at
    # the digits)
    r"|\d(?<![\d.,]\d)\d?[.:]\d\d\s*(?:a\.?m\.?|p\.?m\.?|uhr|h)?\s*[-–/]\s*\d{1,2}[.:]\d\d\b"
    # a link's lead-in set as the sentence's last clause: "If you want to go further, here are
    # some general tips on reducing its size.", "Hier gibt es mehr Infos zur Monatskarte."
    r"|(?:^|,\s*)(?:here (?:are|is)|here's|voici|aquí (?:tienes|tienen|te dejamos|les dejamos))"
    r" (?:some|a few|a couple of|more|our|a list of|all the|the full|the complete|quelques|nos"
    r"|plus d'|algunos|algunas|unos|unas|nuestros|nuestras|más)\b[^:]*$"
    r"|^\W*hier (?:gibt es|gibt's|gibts|finden sie|findest du|findet ihr|erfahren sie|erfährst"
    r" du) (?:noch )?(?:mehr|weitere|alle|die wichtigsten|einen überblick)\b"
    r"|(?:^|,\s*)head (?:on )?over to\b"
    # pointers elsewhere: "For more information, visit...", "Alle weiteren Einzelheiten..."
    r"|^\W*(?:for (?:more|further) (?:information|details)|more (?:information|details) (?:can be"
    r" found|is available|are available)|(?:alle )?weitere[n]? (?:informationen|einzelheiten"
    r"|details)\b|pour (?:plus d'|de plus amples )informations|para más información"
    r"|para mais informações)"
    # ...and "See the What’s New In Python 3.6 document for more information."
    r"|^\W*(?:see|visit|read|check|consult|refer to|go to)\b.{0,80}?\bfor (?:more|further"
    r"|additional|full|complete) (?:information|details|info)\b"
    # licence and source credits: "...stehen unter der GNU-Lizenz für freie Dokumentation"
    r"|\b(?:licen[cs]ed|released|available|published|distributed) under\b.{0,60}"
    r"\blicen[cs]e\b|\bunter (?:der|einer) [^.]{0,60}lizenz\b|\bgnu[ -](?:free documentation "
    r"|general public )?(?:licen[cs]e|lizenz)|\bgfdl\b|\bcreative commons\b|\bcc[ -]by\b"
    r"|\b(?:free encyclopedia|freien enzyklopädie|encyclopédie libre|enciclopedia libre"
    r"|liste der autoren|list of (?:the )?authors|liste des auteurs)\b"
    # pitches for a page on a social network: "Like us on Facebook", "FB 粉絲團 按個讚", and
    # the author's handle: "Ben Silverman is on Twitter at ben_silverman."
    r"|\b(?:like|follow|join|find) (?:us|me|our page) on\b|\bfan ?page\b"
    r"|\b(?:is|are) on (?:twitter|x|instagram|facebook|tiktok|mastodon|bluesky|threads)\b"
    r"|粉絲團|粉丝团|粉絲專頁|粉丝专页|按(?:個|个)?\W?(?:讚|赞)"
    # event notices: "Um Anmeldung ... wird gebeten", "Please RSVP"
    r"|\banmeldung\b[^.]{0,80}\b(?:wird gebeten|erbeten|erforderlich)\b|\bzur anmeldung\W*$"
    r"|^\W*hier geht.{0,2}s\b|\bplease (?:register"
    r"|rsvp)\b|\bregistration is (?:required|requested)\b"
    # pitches for the publication itself
    r"|\bdelivered (?:to|through|into) your (?:inbox|letterbox|mailbox|door)"
    r"|\b(?:make a (?:donation|contribution)|become a (?:member|subscriber|patron|supporter)"
    r"|support (?:independent |quality )?journalism|at no cost to you)\b"
    # ...and the reader asked to support it: "Você pode apoiar a TV 247 e o site...", "Sie
    # können uns mit einer Spende unterstützen", "You can support our work on Patreon"
    r"|\b(?:you can|you could|please|você pode|vocês podem|puedes|pueden|podéis|vous pouvez"
    r"|tu peux|sie können|du kannst|ihr könnt|potete|puoi)\s+(?:[^.!?]{0,60}?\s)??"
    r"(?:support|apoiar|apoyar|soutenir|unterstützen|sostenere)\s+(?:[^.!?]{0,30}?\s)??"
    r"(?:us|our|nos|nous|notre|nuestro|nuestra|nosso|nossa|uns|unsere?[nmrs]?|ci|il nostro"
    r"|la nostra|site|sítio|sitio|journalism|jornalismo|periodismo|journalisme|journalismus"
    r"|giornalismo|redaktion|redação|redacción|rédaction)\b"
    r"|\b(?:us|uns|nos|nous)\s+(?:[^.!?]{0,40}?\s)??(?:unterstützen|apoiar|apoyar|soutenir)\b"
    # affiliate disclosures: "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte
    # »Affiliate-Links«", "This post contains affiliate links"
    r"|\baffiliate[- ]?links?\b|\b(?:für dich|für sie|für euch)\b[^.!?]{0,30}\bpreis\b"
    r"[^.!?]{0,20}\bnicht\b|\b(?:at )?no (?:extra |additional )?cost (?:to|for) you\b"
    r"|\bsans (?:frais|coût) supplémentaires? pour vous\b|\bsin (?:ningún )?(?:costo|coste)"
    r" (?:adicional|extra) para (?:ti|usted)\b|\bsem (?:nenhum )?custo (?:adicional|extra)"
    r" para (?:você|ti)\b"
    # the site's own product plugged to the reader: "Ab sofort findet ihr mit unserem
    # Brandfinder...", "You'll find them all in our shop"
    r"|\b(?:with|in|on|via|using|try|mit|in|auf|über|avec|dans|sur|con|en|com|no|na)"
    r" (?:our|unsere[mnrs]?|notre|nos|nuestr[oa]s?|noss[oa]s?|nostr[oa]) (?:[\w-]+ )?"
    r"[\w-]*(?:finder|shop|store|app|newsletter|podcast|plattform|platform|webshop|tool)s?\b"
    r"(?=[^.!?]*\b(?:you|your|ihr|euch|du|dich|dir|Sie|vous|votre|você|vocês|tu|usted)\b)"
    r"|\b(?:you|ihr|du|Sie|vous|você|vocês|tu|usted)\b[^.!?]{0,60}\b(?:with|in|on|via|using|mit"
    r"|in|auf|über|avec|dans|sur|con|en|com|no|na) (?:our|unsere[mnrs]?|notre|nos|nuestr[oa]s?"
    r"|noss[oa]s?|nostr[oa]) (?:[\w-]+ )?[\w-]*(?:finder|shop|store|app|newsletter|podcast"
    r"|plattform|platform|webshop|tool)s?\b"
    # box labels: "Summary:", "Editor's note:" (other labels: `_is_label_line`)
    r"|^\W*(?:summary|note|editor's note|update|updated|disclosure|correction|tl;?dr"
    r"|key takeaways?|in brief|at a glance)\s*:"
    # photo captions and credits
    r"|\bpictured\b|^\W*(?:图为|圖為)|\b(?:from|left to) (?:left|right)\b"
    r"|\((?:left|right|center|centre|top"
    r"|bottom)\)|\(published \w+day\b"
    # a wiki reference: "^ a b "Title"", "^ Smith, J. (2001)..."
    r"|^[\^↑]\s"
    # a post from a social network embedded in the page: it opens on a hashtag ("#Browns
    # Greedy Williams has been solid..."), carries a post's picture link or ends on a hashtag
    # glued to it ("...legislative day.#TodayInSenatePlenary")
    r"|^\W*#[^\W\d_]\w*\s|\bpic\.twitter\.com/|[.!?]#[^\W\d_]\w*\W*$"
    # ...or a post's shortened link ("...demander le programme ⤵️ https://t.co/Iuc819izMj"), and
    # the line crediting it: "— Rep. Jane Doe (@janedoe) November 19, 2019", "A post shared by
    # Kira (@kira) on Apr 21, 2019", "Ein Beitrag geteilt von..."
    r"|\bhttps?://t\.co/|\(@\w{1,30}\)\s+(?:on |am |le |el |em )?(?:\d{1,2}\.? )?[^\W\d_]{3,9}"
    r"\.? (?:\d{1,2},? )?\d{4}\b|^\W*(?:a post shared by|ein beitrag geteilt von|une publication"
    r" partagée par|una publicación compartida (?:de|por)|uma publicação compartilhada por)\b"
    # a footnote: "* Prices as of January.", "*Only the top 12 qualify.", "† Estimated."
    r"|^\s*(?:\*{1,3}|[†‡¹²³⁴⁵⁶⁷⁸⁹])\s*[^\W\d_]"
    # ad labels: "- Anzeige -", "Advertisement"
    r"|^\W*(?:anzeige|werbung|advertisement|advertising|publicité|publicidad|annonce|pubblicità"
    r"|reklama|sponsored|promoted)\W*$"
    # notices about the reader's browser and the page's links: "Ihr Browser ist veraltet!",
    # "Bitte aktualisieren Sie Ihren Browser", "Die folgenden Links öffnen als extra Fenster"
    r"|\b(?:your|ihr|dein|votre|tu|su) (?:web ?)?(?:browser|navigateur|navegador) (?:is|ist|est|es"
    r"|está) (?:\w+ )?(?:out of date|outdated|veraltet|obsolète|not supported|nicht unterstützt"
    r"|too old|zu alt|desactualizado|antiguo)\b"
    r"|\b(?:update|upgrade) your (?:web )?browser\b|\baktualisieren sie (?:bitte )?ihren browser\b"
    r"|\b(?:opens?|öffne[nt]|s'ouvre(?:nt)?|se abre[n]?) (?:sich )?(?:in|als|dans|en) (?:an? |einem"
    r" |einer |ein |une? )?(?:new|separate|extra|neue[nm]?|eigene[nm]?|separate[nm]?|nouvel(?:le)?"
    r"|nueva) (?:browser )?(?:window|tab|fenster|tab|fenêtre|onglet|ventana|pestaña)\b"
    # plugs for tickets and for the publication's funding: "Tickets and more info at:", "...se
    # financiam por meio da sua própria comunidade de leitores"
    r"|^\W*(?:tickets?|more info(?:rmation)?|karten)\b[^.:]{0,40}\b(?:at|from|via|unter|bei)\s*:"
    r"|\b(?:thank you|we thank you|agradecemos|merci)\b[^.]{0,40}\b(?:for|por|de) (?:valuing"
    r"|valorizar|supporting|apoiar|soutenir)\b"
    r"|\b(?:funded|financed|financiad[oa]s?|financia(?:m|n)?|finanziert|financé(?:e|s)?)\b.{0,60}"
    r"\b(?:readers|leitores|lectores|lecteurs|leser(?:innen)?|subscribers|assinantes"
    r"|suscriptores|abonnés|abonnenten)\b"
    # ...or asked about it: "Kennt ihr schon unseren Brandfinder?"
    r"|\b(?:kennt ihr|kennst du|kennen sie|do you know|have you (?:tried|seen|heard of)"
    r"|connaissez-vous|conoces|você conhece)\b[^.!?]{0,20}\b(?:our|unsere[nmrs]?|notre|nos"
    r"|nuestr[oa]s?|noss[oa]s?)\b"
    # teasers for other posts: "Diese Artikel könnten euch auch interessieren:"
    r"|\b(?:könnten|dürften) (?:euch|dich|sie|Ihnen) (?:auch |ebenfalls )?(?:interessieren"
    r"|gefallen)\b|\byou (?:may|might|could|will) also (?:like|enjoy|be interested)\b"
    r"|\bvocê (?:também )?(?:pode|vai) gostar\b|\bte (?:puede|podría) interesar\b"
    r"|\bvous (?:aimerez|pourriez aimer|aimerez aussi)\b|\bpotrebbe interessarti\b"
    # UI text
    r"|^\W*(?:show (?:more|less|all)|load more|read (?:more|full)|see (?:more|all)|loading"
    r"|add (?:a )?(?:review|comment)|write a (?:review|comment)|log in to|you must be logged"
    r"|добавить отзыв|показать (?:ещё|больше)|mehr anzeigen|voir plus|ver más|ver mais)\b",
    re.IGNORECASE,
)
# A token that is a number, a price or a unit: a line made mostly of them is a table row.
_NUMERIC_TOKEN = re.compile(r"^[\W]*[\d.,:/%+\-–]+\w{0,3}\W*$")
_TABLE_ROW_NUMERIC_SHARE = 0.4
_TABLE_ROW_MIN_TOKENS = 5
# What a stripped formula or code span leaves: a space before punctuation, empty brackets, or a
# sentence ending on a word that cannot end one ("...it is such that").
# (Only "," and ".": French sets a space before ":", ";", "!" and "?".)
# A list run into one "sentence": two or more bullet marks set apart by spaces.
_RUN_IN_LIST = re.compile(r"(?:\s(?:[*•·▪]|\+(?=\s[A-Z]))\s.*){2,}")
# ...and two items joined by one bullet set apart by spaces: prose never holds one ("...für
# maximale Schnelligkeit und Effizienz • Der Haken hat eine ergonomische Lasche...").
_JOINED_ITEMS = re.compile(r"\S\s+[•▪]\s+\S")
_STRIPPED_GAP = re.compile(r"\w\s+[,.](?:\s|$)|\(\s*[,;]?\s*\)|\[\s*\]|\s=\s*[,.]?$")
# ...but a page may set a space before its commas and stops throughout ("Senator representing
# Yobe North , Ahmad Lawan , on Tuesday moved a motion..."): gaps none of which follows a
# word that wants what was stripped (an article, a preposition, a verb, a subordinator: "The
# value of , is...", "If , then...") or the sentence's first word are its typing where the
# sentence has at least this many of them...
MIN_TYPED_GAPS = 2
# ...or, one or more, where the page sets a space before a comma in this share of its
# sentences with one (and in MIN_TYPED_GAPS of them at least: `spaces_its_punctuation`). A
# page with a stripped link or a typo here and there ("R$ 50 mil , mas...") sets one in a
# sentence of dozens.
TYPED_GAPS_PAGE_SHARE = 0.25
# (It opens where a word does: tried at every letter of a long run, it was quadratic.)
_SPACED_PUNCTUATION = re.compile(r"(?<![\w'’-])([\w'’-]+)\s+[,.](?=\s|$)")
_SPACED_COMMA = re.compile(r"\w\s+,\s")
_WANTS_MORE = re.compile(
    r"a|an|the|of|to|in|on|at|by|for|from|with|as|than|is|are|was|were|be|and|or|have|has"
    r"|gives|yields|equals|becomes|if|since|when|where|that|then|let|suppose|hence|so|thus"
    r"|because|while"
    r"|der|die|das|des|dem|den|ein|eine|von|zu|mit|und|oder|ist|sind|im|am",
    re.IGNORECASE,
)
_OPENING_WORD = re.compile(r"^\W*[\w'’-]+")
_DANGLING_END_RE = re.compile(
    r"\b(?:such that|if and only if|the|a|an|and|or|whose|than|equals|is equal to|denoted by"
    r"|given by|defined as|of the|where)\W*$",
    re.IGNORECASE,
)
_DANGLING_END = AsciiFolded(_DANGLING_END_RE)
# ...but German ends many a sentence on the particle of its verb: "Die NASA bietet bald einen
# Streaming-Dienst an.", "Ruf mich morgen früh an.". On a German page that is what a final
# "an" is; elsewhere (or where the page names no language) it is the English article only
# in a sentence with English function words ("...such that g is an"), words German lacks.
_ENGLISH_WORDS_RE = re.compile(
    r"\b(?:the|of|is|are|and|that|this|which|with|for|from|by|its|their|has|have|been|to)\b",
    re.IGNORECASE,
)
_GERMAN_PARTICLE_END_RE = re.compile(r"\ban\W*$", re.IGNORECASE)
# A sentence ending on a colon introduces what follows it (a list, a table, code, a quote):
# "Here are examples of apps already using it:", "Der Ablauf ist in der Regel folgender:".
_INTRODUCES = re.compile(r"[:：]\s*$")
# A dateline: a place in capitals, of up to three words, and a colon before the story's first
# word ("BANGKOK: Ein TikTok-Video...").
_DATELINE_RE = re.compile(
    r"^\W*([^\W\d_][^\W\d_.'’-]*(?:[ .'’-]+[^\W\d_]+){0,2})\s*:\s+(?=[^\W\d_])"
)
# ...and no box's label: an update, a note, a tip, a caption ("BU:", Bildunterschrift).
_BOX_LABEL_RE = re.compile(
    r"(?:UPDATED?|EDIT|NOTE|NB|PS|P\.S|CORRECTION|SUMMARY|DISCLOSURE|DISCLAIMER|WARNING|TLDR|FAQ"
    r"|READ MORE|READ ALSO|SEE ALSO|RELATED|WATCH|LISTEN|VIDEO|PHOTOS?|LIVE|BREAKING|EXCLUSIVE"
    r"|ANALYSIS|OPINION|LESEN SIE AUCH|MEHR ZUM THEMA|LIRE AUSSI|LEA TAMBIÉN|LEIA TAMBÉM"
    r"|ACHTUNG|HINWEIS|NACHTRAG|TIPP?|FAZIT|AKTUALISIERUNG|MISE À JOUR|NOTA|OT|BU)"
)
# A speaker's name opening an interview's turn: one to three words, each opening on a capital
# (an initial's or an abbreviation's dot within: "L.A. WEEKLY"), a colon and the answer's first
# word or quotation mark.
_SPEAKER_TURN_RE = re.compile(
    r"^\W*(?P<speaker>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,2})\s*:\s+"
    r"(?=[^\W\d_]|[\"„“«])"
)
# ...and the labels that are no speaker's: a box's, a credit's, the asker's ("Frage 1:" has
# a digit: no name).
_NOT_A_SPEAKER_RE = re.compile(
    rf"{_BOX_LABEL_RE.pattern}|Q|A|F|Frage|Question|Pregunta|Interview|Foto|Fotos|Photo|Bild"
    r"|Quelle|Source|Credit|Text|Autor|Autorin|Author|Von|By|Redaktion|Editor",
    re.IGNORECASE,
)
# A label of one to four words and a colon opening the line: a byline, a credit, a caption, a
# lineup, a speaker's turn, a box, a dateline ("Autorin: Sylvia...", "Foto: City-Press",
# "Manchester United: De Gea, Dalot, ...", "Rick: Exactly.", "CHEER ON: Juniors..."), its
# words of ASCII letters. (Its opening: what stands before it, a bracket or a quotation mark.)
_LABEL_LINE = re.compile(
    r"^(?P<opening>\W*)(?P<label>[A-Z]{2,}(?: [A-Z]{2,}){0,3})\s*:\s", re.IGNORECASE
)
# ...but a label that announces the sentence's point opens prose when a sentence follows it:
# "Grund: Die Ausflüge ... haben 57.000 Euro gekostet.", "Fazit: ...", "Merke: ...", "Bottom
# line: ...", "Le problème : ...". (Not a summary box, a note, a tip, a caution, an example or
# a comparison: "Summary: Drinking more water can...", "Note: Some tutorials also
# recommend...", "Extra Tipp: Wenn Sie sich ... interessieren...", "Wichtig: ... sollten Sie
# zunächst stets...", "Ein Beispiel: Firma A...": a box beside the text or an aside to the
# section's point. A label of letters beyond ASCII is none: "Lösung:".)
_POINT_LABEL = re.compile(
    r"(?:(?:the|my|our|der|die|das|mein|meine|unser|unsere|le|la|mon|ma|notre|el|mi|nuestro"
    r"|nuestra|meu|minha|nosso|nossa|il|lo) )?"
    r"(?:grund|hauptgrund|fazit|merke|problem|hintergrund|definition|ergebnis|folge"
    r"|ursache|kurzum|bilanz|kern|clou|haken|wahrheit|fakt|reason|bottom line|takeaway|result"
    r"|conclusion|verdict|upshot|catch|lesson|truth|background|raison|bilan|problema|resultado"
    r"|motivo|conclusione|risultato)",
    re.IGNORECASE,
)
# ...or a label that is a clause of its own, its verb in it, the colon opening what it says:
# "Fest steht: Musik hat...", "Klar ist: ...", "Die Beispiele zeigen: ...", "Les enjeux sont
# majeurs : ...", "The truth is: ...". (Not a verb that is also a noun: "TV show:", "Ma
# montre :", "Le reste :", "Father and son:".)
_CLAUSE_LABEL = re.compile(
    r"(?:\w+ ){0,2}(?:ist|sind|steht|stehen|bleibt|zeigt|zeigen|heißt|gilt|lautet|is|are"
    r"|remains|est|sont|montrent|es|muestra|muestran|é|são|mostram)(?: \w+)?",
    re.IGNORECASE,
)
# A sentence after a label has at least this many words and a sentence's end.
_MIN_WORDS_AFTER_LABEL = 4
# A label after a quotation mark that closes after it is a quoted title's ("„Frauen im THW:
# Vergangenheit, Gegenwart und Zukunft“ heißt die Miniserie...").
_QUOTATION_MARK = re.compile(r"[\"'„“”‚‘’«»]")
# Braces are code's or a template's, not prose's: "{city.name: city for city in cities}".
_BRACES = re.compile(r"\{[^{}]*\}")
# A line of keywords: at least this many items, each this short, set apart by commas.
_ITEM_SEPARATOR = re.compile(r"[,、，;]")
_MIN_LIST_ITEMS = 4
_MAX_ITEM_WORDS = 3
_MAX_ITEM_CHARS = 30
# A line this much of whose letters (of at least this many) are capitals is set in capitals.
_CAPITALS_LINE_SHARE = 0.8
_MIN_CAPITALS_LINE_LETTERS = 12
# A line without a stop of at least this many words, this share of them capitalised, is a
# list of names (German prose capitalises its nouns: about a third to a half of its words).
_MIN_NAME_LIST_WORDS = 8
_NAME_LIST_SHARE = 0.8
_FINISHED = re.compile(r"[.!?…。！？][\s\"'”’»)\]]*$")
# Second-person words in the languages Skim meets most (an interviewer speaking to a guest).
_SECOND_PERSON = FoldedAlternation(
    r"\b(?:you|your|yours|yourself|du|dich|dir|dein\w{0,2}|ihr|euch|euer|eure\w?|vous|votre|vos|tu"
    r"|toi|ton|ta|tes|usted|ustedes|vosotros|você|vocês|teu|tua|voi|tuo|vostr\w|jij|jullie"
    r"|jouw)\b|\b(?:Ihnen|Ihre[nmrs]?)\b",
    re.IGNORECASE,
)
# Invitations to imagine or remember, in the languages Skim meets most.
_HOOK_RE = re.compile(
    r"^\W*(?:picture|imagine|think (?:of|about|back)|remember (?:when|the)|ever (?:wondered"
    r"|heard|wanted|tried)|have you ever|stell(?:t)? (?:dir|euch) vor|stellen sie sich vor"
    r"|imaginez|imagina|immagina|figure-toi)\b",
    re.IGNORECASE,
)
# A figure that tells something: a share or a sum of money ("4 percent", "$799", "2,1 Milliarden
# Euro") or a time of day ("at 8 p.m."); a bare number names a thing ("iPhone 16"), a year or a
# count ("for over 1,5 millioner barn").
_AMOUNT = re.compile(
    r"[$€£¥]\s?\d|\d(?:[\d.,]*\d)?\s?(?:(?:million|billion|millionen|milliarden|milliards?"
    r"|millones|mio\.|mrd\.)\s)?(?:%|percent\b|per cent\b|prozent\b|pour cent\b|por ciento\b"
    r"|per cento\b|euros?\b|dollars?\b|pounds?\b|francs?\b|kroner\b|kronor\b)",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(r"\d(?:[\d:.]*\d)?\s?(?:a\.?m\.|p\.?m\.|uhr\b)", re.IGNORECASE)
# ...or that only announces that news has come, and ends there: "The big iFixit teardown is done,
# and the results are in.", "The iPhone 16 reviews are in.", "Votes are in!", "The wait is
# over.", "..., and here's what we found." (Not when what comes before already tells something,
# a figure or a relative clause: "Exit polls closed at 8 p.m. and the first results are in.",
# "For residents of Elm Street, whose water was shut off in June, the wait is over.", nor
# someone's own results: "Her blood test results are in.")
_TEASER_END_RE = re.compile(
    r"^(?![^.!?]*\b(?:who|whose|whom|which|where)\b).*?(?:(?:^\W*|\bthe (?:[\w'-]+ ){0,3})"
    r"(?:results?|verdict|votes|numbers|reviews|scores) (?:are|is) (?:finally )?in"
    r"|\bthe wait is (?:finally )?over|\bhere's what (?:we|i) (?:found|learned|saw))\W*$",
    re.IGNORECASE,
)
# ...and is short: a sentence of more words says more than that news has come.
_TEASER_MAX_WORDS = 12
# The reader addressed: second-person words that are nothing else ("ihr" may be "her", "ton"
# "a ton of"), and the German formal "Sie"/"Ihnen"/"Ihre" inside a sentence (at its start
# it may be "she" or "they").
_READER_YOU = re.compile(
    r"\b(?i:you|your|yours|yourself|du|dich|dir|dein\w{0,2}|euch|euer|eure\w?|vous|votre|tu"
    r"|toi|usted|ustedes|você|vocês)\b|(?<=\w )(?:Sie|Ihnen|Ihre[nmrs]?)\b"
)
_QUESTION_END = re.compile(r"[?？][\s\"'”’»)\]]*$")
_WORD_OR_NUMBER_END = re.compile(r"\w\s*$")
_OPENING_BRACKETS = ("(", "（", "[")
_CLOSING_BRACKETS = (")", "）", "]")
# An exclamation is a reaction or an appeal ("I've got to say, I'm impressed!", "Vote for her
# on the last page!"), rarely the point a section makes.
# A sentence set wholly in brackets: the writer's aside to the sentence before it ("(Really
# my eventual goal is to create video, but I figured I'd start small.)"), not its point.
_BRACKETED_ASIDE_RE = re.compile(r"^\s*[(（\[][^()（）\[\]]*[)）\]][\s.!?…。！？\"'”’»]*$")
_EXCLAMATION_END = re.compile(r"[!！][\s\"'”’»)\]]*$")


def dateline_end(sentence: str) -> int:
    """Where the story starts after a dateline in capitals that opens the sentence ("NEW
    DELHI: Their American dream shattered..." -> the index of "Their"); 0 when there is none
    (a box label is none: "UPDATE: ...", "NOTE: ...")."""
    found = _DATELINE_RE.match(sentence)
    if found is None or not found.group(1).isupper() or _BOX_LABEL_RE.fullmatch(found.group(1)):
        return 0
    return found.end()


def speaker_turn(sentence: str) -> tuple[str, int] | None:
    """The speaker's name and a colon that open the sentence as a transcript sets an
    interview's turns ("Sheila Atim: Amenza erfüllt zwei Rollen...", "Rick: It was a two-phase
    approach.", "ALEXANDRIA DOUZIECH: I try to..."): the name and where the answer starts (the
    index of its first word); None when there is none. A name is one to three words, each
    opening on a capital, and not a box's, a credit's or an asker's label ("UPDATE:", "Foto:",
    "Frage:"). (A German label is capitalised too, "Wichtig: ...": the caller tells a name by
    where else it stands.)"""
    found = _SPEAKER_TURN_RE.match(sentence)
    if found is None:
        return None
    speaker = found.group("speaker")
    if _NOT_A_SPEAKER_RE.fullmatch(speaker) or not all(w[0].isupper() for w in speaker.split()):
        return None
    return speaker, found.end()


def is_not_prose(
    sentence: str, *, language: str | None = None, spaced_punctuation: bool = False
) -> bool:
    """A caption, bio, call to action, sign-off, pointer elsewhere, footnote, UI text, table
    row, a list run together, a line of keywords, a line in capitals, a line recording the
    post's publication, a teaser's blurb cut off with "…" (or a sentence cut after its stop,
    "...discipline...."), a line describing a picture, a
    stripped formula, code, or a line introducing what follows it (it ends on a colon: what it
    introduces, a list or a table, is not on the card). The page's `language` and whether it
    sets a space before its commas throughout (`spaced_punctuation`: see
    `spaces_its_punctuation`) tell its own typing from what stripping leaves."""
    text = unify_apostrophes(sentence)
    if _is_label(text) or _is_quantity_item(text):
        return True
    if _NOT_PROSE.found(text) or (
        _STRIPPED_GAP.search(text) and not _typed_gaps(text, spaced_punctuation)
    ):
        return True
    if _RUN_IN_LIST.search(text) or _JOINED_ITEMS.search(text):
        return True
    if _INTRODUCES.search(text) or ("{" in text and _BRACES.search(text)):
        return True
    if _is_item_line(text) or _is_capitals_line(text) or _is_name_list(text):
        return True
    if is_publication_line(text) or is_cut_off(text) or is_cut_after_stop(text):
        return True
    if is_picture_line(text):
        return True
    if _is_label_line(text):
        return True
    if _dangles(text, language):
        return True
    tokens = text.split()
    numeric = sum(1 for token in tokens if _NUMERIC_TOKEN.match(token))
    return len(tokens) >= _TABLE_ROW_MIN_TOKENS and numeric >= _TABLE_ROW_NUMERIC_SHARE * len(
        tokens
    )


def spaces_its_punctuation(sentences: Iterable[str]) -> bool:
    """The page sets a space before its commas throughout: TYPED_GAPS_PAGE_SHARE of its
    sentences with a comma, and MIN_TYPED_GAPS at least, set one so, every gap in them one its
    typing leaves (`_clean_gaps`). (Commas: a space before a sentence's final stop is as
    often what a link stripped from its end leaves, "...Collaboration Shuji .")"""
    spaced = with_comma = 0
    for sentence in sentences:
        if "," in sentence:
            with_comma += 1
            spaced += _SPACED_COMMA.search(sentence) is not None and bool(_clean_gaps(sentence))
    return spaced >= MIN_TYPED_GAPS and spaced >= TYPED_GAPS_PAGE_SHARE * with_comma


def _typed_gaps(text: str, spaced_punctuation: bool = False) -> bool:
    """The spaces before the sentence's commas and stops are its page's typing, not what a
    stripped formula or link leaves: MIN_TYPED_GAPS of them, or any on a page that sets them
    throughout (`spaced_punctuation`), all of them clean (`_clean_gaps`)."""
    gaps = _clean_gaps(text)
    return gaps is not None and (spaced_punctuation or gaps >= MIN_TYPED_GAPS)


def _clean_gaps(text: str) -> int | None:
    """How many spaces before a comma or a stop the sentence has, when every one could be
    typing: none after a word that wants what a formula or link left out (`_WANTS_MORE`) or
    after the sentence's first word ("If , then..."), and no other mark of stripping (empty
    brackets, a dangling "="); None when one of them was left by stripping."""
    found = list(_SPACED_PUNCTUATION.finditer(text))
    first = _OPENING_WORD.match(text)
    if any(_WANTS_MORE.fullmatch(gap.group(1)) for gap in found) or (
        found and first is not None and found[0].end(1) == first.end()
    ):
        return None
    if _STRIPPED_GAP.search(_SPACED_PUNCTUATION.sub(r"\1", text)) is not None:
        return None
    return len(found)


def _dangles(text: str, language: str | None = None) -> bool:
    """The sentence ends on a word that cannot end one (`_DANGLING_END`: what a stripped
    formula leaves), not a question, nor German ending on its verb's particle "an" (on a
    German page, or in a sentence without English function words)."""
    end = text.rstrip(".!…。 ")
    if not _DANGLING_END.found(end) or _QUESTION_END.search(text):
        return False
    if not _GERMAN_PARTICLE_END_RE.search(end):
        return True
    german = (language or "").lower().startswith("de")
    return not german and _ENGLISH_WORDS_RE.search(end) is not None


def _is_label_line(text: str) -> bool:
    """The line opens on a label and a colon (`_LABEL_LINE`), not one that announces the point
    of a sentence that follows it, nor a quoted title's."""
    found = _LABEL_LINE.match(text)
    if found is None:
        return False
    if _QUOTATION_MARK.search(found.group("opening")):
        return _QUOTATION_MARK.search(text, found.end()) is None
    label, rest = found.group("label"), text[found.end() :]
    if not (_POINT_LABEL.fullmatch(label) or _CLAUSE_LABEL.fullmatch(label)):
        return True
    return len(rest.split()) < _MIN_WORDS_AFTER_LABEL or SENTENCE_END.search(rest) is None


def _is_label(text: str) -> bool:
    """A few words without a stop, of a script that spaces its words ("Führer", "Fahrzeug samt
    Fahrer", "Cooking time"): a list's item or a label, which says nothing. (A run of an
    unspaced script is a sentence in one "word".)"""
    words = text.split()
    return (
        len(words) <= _MAX_LABEL_WORDS
        and not SENTENCE_END.search(text)
        and UNSPACED_CHAR.search(text) is None
    )


def _is_quantity_item(text: str) -> bool:
    """A short line opening on a quantity and ending without a stop (or after an abbreviation's
    dot, "1 Pck."): an ingredient ("8-9 ripe pears, cored and peeled", "120g kway teow"), a
    date's entry or an address, not a sentence. (A long one is a list run together: its
    items may be what the page is for.)"""
    if _QUANTITY_OPENING.match(text) is None:
        return False
    words = len(text.split())
    return words <= _MAX_LABEL_WORDS or (
        words <= _MAX_QUANTITY_ITEM_WORDS and not SENTENCE_END.search(text)
    )


def _is_item_line(text: str) -> bool:
    """A line of short items set apart by commas and no stop: keywords, places, a tag list
    ("玉峰道路, 上宇老觀景台, 美樹營地, 控溪吊橋")."""
    if _FINISHED.search(text):
        return False
    items = [item.strip() for item in _ITEM_SEPARATOR.split(text)]
    return len(items) >= _MIN_LIST_ITEMS and all(
        item and len(item.split()) <= _MAX_ITEM_WORDS and len(item) <= _MAX_ITEM_CHARS
        for item in items
    )


def _is_capitals_line(text: str) -> bool:
    """A line set (nearly) all in capitals: a tour date or a venue ("THURSDAY APRIL 2: COLOUR
    CLUB, MELBOURNE"), a label or a shouted notice, never the prose of a section."""
    # No character is both upper and lower case: the two counts add up to the cased letters.
    upper = sum(map(str.isupper, text))
    cased = upper + sum(map(str.islower, text))
    if cased < _MIN_CAPITALS_LINE_LETTERS:
        return False
    return upper >= _CAPITALS_LINE_SHARE * cased


def is_hook(sentence: str, *, reader: bool = True) -> bool:
    """An opening that invites the reader in rather than says something: "Picture a deck of
    tarot cards.", "The wait is over.", "Mit Sicherheit kennen Sie das Sprichwort...",
    "...kannst du dich glücklich schätzen, wenn du einen runden Tisch hast." (that one only
    with `reader`)."""
    text = unify_apostrophes(sentence)
    return (
        _HOOK_RE.match(text) is not None
        or (
            len(text.split()) <= _TEASER_MAX_WORDS
            and _TEASER_END_RE.match(text) is not None
            and not tells_a_figure(text)
        )
        or (reader and _READER_YOU.search(text) is not None)
    )


def states_an_amount(text: str) -> bool:
    """The sentence holds a share or a sum of money ("$799", "4 percent", "5 Millionen Euro")."""
    return _AMOUNT.search(text) is not None


def tells_a_figure(text: str) -> bool:
    """The sentence holds an amount (`states_an_amount`) or a time of day ("at 8 p.m.")."""
    return states_an_amount(text) or _TIME_OF_DAY.search(text) is not None


def _is_name_list(text: str) -> bool:
    """A long line without a stop nearly every word of which is capitalised: names run
    together ("Lovjoi* Armedangels* Artknit Studios* Alma & Lovis* ..."), a menu, a tag cloud."""
    if _FINISHED.search(text):
        return False
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    if len(words) < _MIN_NAME_LIST_WORDS:
        return False
    capitalised = sum(1 for word in words if next(c for c in word if c.isalpha()).isupper())
    return capitalised >= _NAME_LIST_SHARE * len(words)


def leaves_bracket_open(sentence: str) -> bool:
    """The sentence opens a bracket (round, full-width or square) it never closes and ends on a
    word or a number, not a stop: a teaser cut inside its citation ("...zu berücksichtigen
    (BAG, Urt. v. 30"). (A bracket a typo left open before a stop, "...(nach der Größe
    sortiert.", ends a sentence.) The claim picker asks only of a sentence `SENTENCE_END`
    passes, so there it catches an abbreviation's stop before a number, as in "v. 30", and an
    article's first sentence standing without its stop."""
    return (
        sum(map(sentence.count, _OPENING_BRACKETS)) > sum(map(sentence.count, _CLOSING_BRACKETS))
        and _WORD_OR_NUMBER_END.search(sentence) is not None
    )


def addresses_someone(sentence: str) -> bool:
    """The sentence speaks to someone in the second person ("warst du", "your", "vous")."""
    return _SECOND_PERSON.found(sentence)


def ends_with_question(sentence: str) -> bool:
    """The sentence is a question (it ends with a question mark, maybe before a quote)."""
    return _QUESTION_END.search(sentence) is not None


def opens_leaning(sentence: str) -> bool:
    """The sentence opens with a reference to what came before ("He said...", "Still, ...",
    "The plan, however, ...")."""
    text = unify_apostrophes(sentence)
    return (
        _LEANING_RE.match(text) is not None
        or _UNSPACED_LEANING_RE.match(text) is not None
        or _CONTINUING_RE.match(text) is not None
        or _CONTRAST_INSIDE_RE.match(text) is not None
        or _THOUGH_RE.search(text) is not None
    )


def points_back(sentence: str) -> bool:
    """The sentence points early at something named before it ("The researchers think the
    source of this water is a plume...", "Some of these operations...") or opens on an epithet
    for it ("The tech giant is holding...")."""
    text = unify_apostrophes(sentence)
    return _POINTS_BACK_RE.match(text) is not None or _EPITHET_RE.match(text) is not None


def names_antecedent(sentence: str) -> bool:
    """The sentence names a thing early only as one told before it: by "the latter" or "the
    former" ("Naturally, I fall into the latter category..."), or by a demonstrative and a noun
    (`_NAMES_ANTECEDENT_RE`: "This Heart-fan dichotomy was illustrated...", "Consultada sobre
    esta desproporción, ..."). Even in a story read as one, the card shows it only right after
    the sentence it points at."""
    text = unify_apostrophes(sentence)
    if _SELF_REFERENCE.found(text):
        return False  # "In this article..." is held back as talk about the post
    return _ONE_OF_TWO_RE.match(text) is not None or _NAMES_ANTECEDENT_RE.match(text) is not None


def speaks_aside(sentence: str) -> bool:
    """The sentence names its speaker by a pronoun alone, in an aside ("Finding water vapor on
    Europa, he said, is...", "..., sagte er."): the name is in a sentence before it."""
    return _SPEAKER_ASIDE_RE.search(unify_apostrophes(sentence)) is not None


def presents_itself(sentence: str) -> bool:
    """The post presenting itself as a roundup ("This is the tech news you need to know
    today.", "Here are the stories..."): what follows are its items, not a story leaning on it."""
    return _PRESENTS_ITSELF_RE.match(unify_apostrophes(sentence)) is not None


def leans_on_context(sentence: str, *, openings: bool = True) -> bool:
    """A sentence a reader cannot follow alone or that says nothing of its own: it asks a
    question, exclaims, is an aside set wholly in brackets, talks about the post itself,
    answers that there is no answer, voices a doubt the next sentence dispels or dispels one
    the sentence before voiced ("I needn't have worried..."), is a routine line of a report,
    or (with `openings`)
    opens with a reference to what came before, points early at "these"/"those" things named
    before, reports a question without its answer, says half of a pair ("nicht nur",
    "zwar") and leaves the other half to the next sentence, turns to a guide's next step
    ("Now it's time to..."), names one of two things before by "the latter", tells a time
    from one named before ("Drei Jahre später...", "The next day...") or is an entry of a
    definition list ("“request”: guard for a Headers object...")."""
    text = unify_apostrophes(sentence)
    if _SELF_REFERENCE.found(text) or _QUESTION_END.search(text) or presents_itself(text):
        return True
    if _NO_ANSWER.found(text) or _ROUTINE.found(text) or _DOUBT_RE.match(text):
        return True
    if _DOUBT_DISPELLED_RE.match(text):
        return True
    if _EXCLAMATION_END.search(text) or _ANSWER_LABEL_RE.match(text):
        return True
    if _opens_cut(text) or _runs_numbered_items(text) or _BARE_CLAUSE_RE.match(text):
        return True
    if _BRACKETED_ASIDE_RE.match(text):
        return True
    return openings and (
        opens_leaning(text)
        or _DEMONSTRATIVE_EARLY_RE.match(text) is not None
        or speaks_aside(text)
        or _REPORTED_QUESTION_RE.search(text) is not None
        or _HALF_PAIR_RE.search(text) is not None
        or _NEXT_STEP_RE.match(text) is not None
        or _ONE_OF_TWO_RE.match(text) is not None
        or _RELATIVE_TIME_RE.match(text) is not None
        or _DEFINED_TERM_RE.match(text) is not None
    )


def _runs_numbered_items(text: str) -> bool:
    """Two consecutive item numbers ("1." then "2.", "1a" then "2a") at least
    MIN_WORDS_BETWEEN_ITEMS words apart: a numbered list or a dictionary's senses run into one
    sentence (not a range of days: "am 26. und 27. Februar", "vom 12. bis zum 13. Mai")."""
    marks = [
        (int(match.group(1)), match.start(), match.end()) for match in _ITEM_NUMBER.finditer(text)
    ]
    return any(
        number == previous + 1 and len(text[end:start].split()) >= MIN_WORDS_BETWEEN_ITEMS
        for (previous, _, end), (number, start, _) in itertools.pairwise(marks)
    )


def _opens_cut(text: str) -> bool:
    """The sentence opens on a word all in small letters (see `_FIRST_WORD`)."""
    first = _FIRST_WORD.match(text)
    if first is None or not first.group(1).isalpha() or not first.group(1).islower():
        return False
    if first.group(1) in _LETTER_OPENINGS:
        return False  # a German letter's body goes on in small letters after "Liebe Anna,"
    return _NAME_PARTICLE_RE.match(text) is None
