"""Cue patterns: lines that say what kind of page furniture they are.

``LINE_CUES`` describe a whole short line ("Leave a Reply", "Share on Facebook", "Related
Articles"); they are tried on lines of at most :data:`MAX_LINE_CUE_CHARS` with one combined
regex. ``PHRASE_CUES`` describe wording that prose about the same topic does not use ("this site
uses cookies", not just "cookies"; "Your email address will not be published") and may stand
inside a longer line. A phrase regex only runs when one of its cheap trigger substrings occurs in
the lower-cased text (found in one RE2 pass), so clean text costs little.
"""
from __future__ import annotations

import re

import re2

from scanner.dates import (
    CLOCK,
    DATE,
    DAY,
    MONTH,
    MONTH_ABBREVIATION,
    MONTH_NAME,
    MONTH_STEM,
    NAMED_DATE_BEFORE_YEAR,
    NUMERIC_DATE,
    WEEKDAY,
    WEEKDAY_STEM,
)
from scanner.document import cached_view, lower_utf8
from scanner.re2_prefilter import (
    Finder,
    GatedSearch,
    LinePrefilter,
    line_start_union,
    numbered_matches,
)

MAX_LINE_CUE_CHARS = 160
MAX_PHRASE_CUE_CHARS = 600

_I = re.IGNORECASE

# ----- whole-line cues (tried on the stripped line) ------------------------------------------
_SOCIAL = (r"facebook|twitter|linkedin|pinterest|reddit|whatsapp|telegram|tumblr|instagram"
           r"|youtube|tiktok|flipboard|threads|bluesky|mastodon|email|e-mail|print|share|copy\s+link")
# "Share this article on Facebook, Twitter or by email", "Compartir en Facebook", "Partager
# cet article sur Facebook", "Condividi questo articolo su Facebook e Twitter": a share verb, up
# to three words, then networks
_SHARE_VERB = (r"share|compartir|compartilh[ae]r?|compartilhe|partilh[ae]r?|partager|partagez|épingler|condividi"
               r"|teilen|delen|deel|udostępnij|paylaş|dela")
# (X, the network, only here: after a share verb's preposition, "Compartir en X")
_NETWORKS = (rf"(?:{_SOCIAL}|x|correo|mail)(?:(?:\s*,\s*|\s+(?:or|and|e|et|y|o|ou|und|oder|of|og)\s+)"
             rf"(?:(?:by|par|por|per|via|no|na)\s+)?(?:{_SOCIAL}|x|correo|mail))*")
_SHARE_ON = (rf"(?:{_SHARE_VERB})(?:\s+[^\W\d_]+){{0,3}}?\s+(?:on|via|by|en|sur|su|no|na|auf|op|in|på)"
             rf"\s+(?:the\s+|le\s+|el\s+|o\s+)?{_NETWORKS}")
# WordPress Jetpack's share buttons, one per line or run together: "Click to share on Twitter
# (Opens in new window)", "Click to print (Opens in new window)", "Click to email a link to a
# friend (Opens in new window)"
_CLICK_TO_SHARE = (rf"click\s+to\s+(?:share\s+on\s+(?:{_SOCIAL}|x|pocket|nextdoor|skype)|print"
                   r"|e-?mail(?:\s+(?:a\s+link\s+to\s+a\s+friend|this))?)"
                   r"(?:\s*\(opens\s+in\s+(?:a\s+)?new\s+(?:window|tab)\))?")
# share buttons with their counters, run together as a share bar prints them: "Share 12", "Tweet
# 12 Share 45 Email", "0/255 Tweet 12 Share 45 Email" (one counter at least beside a button's
# name; "Share 12 %" is a figure)
_COUNT_DIGITS = r"\d{1,3}(?:[,.]\d{3})*(?:[.,]\d)?"  # "12", "1,204", "3.4" (of "3.4k")
_COUNT = rf"{_COUNT_DIGITS}[km]?"
_SHARE_BUTTON = r"(?:tweets?|shares?|e-?mail|print|likes?|pin|facebook|twitter|linkedin|whatsapp|reddit)"
# (after the first counter, a bar's other links may follow: "Like 24 Tweet Share 61 Print PDF",
# "Share 1,208 Tweet Comments 47")
_SHARE_COUNTS = (rf"(?:{_COUNT}\s*(?:/\s*{_COUNT}\s*)?)?(?:{_SHARE_BUTTON}\s*)*{_SHARE_BUTTON}\s*{_COUNT}"
                 rf"(?:\s*(?:{_SHARE_BUTTON}|pdf|comments?)(?:\s*{_COUNT})?)*(?![^\w)]*%)")
# a share label over the networks' names: "Share this article: Facebook Twitter Digg Delicious More"
_ROW_NETWORK = rf"(?:{_SOCIAL}|x|digg|delicious|stumbleupon|google\+?)"
_SHARE_LABEL_ROW = (rf"share(?:\s+this(?:\s+(?:article|story|post|page))?)?\s*:\s*"
                    rf"{_ROW_NETWORK}(?:\W+(?:{_ROW_NETWORK}|more))+")
_EMAIL_THIS = (r"(?:e-?mail|print|share)\s+this(?:\s+(?:article|page|story|post|release))?"
               r"(?:\s+(?:to|with)\s+a\s+friend)?|share\s+(?:article|story)")
_SKIP_TO = (r"skip\s+to\s+(?:(?:main|primary|secondary)\s+)?"
            r"(?:content|navigation|sidebar|main|menu|footer|search)")
_PRINT_VERSION = (r"(?:click\s+here\s+for\s+(?:a|the)\s+)?(?:printer[\s-]friendly|print)\s+version"
                  r"(?:\s+of\s+this\s+(?:article|story|page))?")
# the links of a page's tool row, in the languages of its buttons
_TOOL = (rf"{_SOCIAL}|tweet|pin(?:\s+it)?|\+1|font\s+(?:size|resize)|text\s+size|resize|comments?"
         r"|drucken|versenden|(?:artikel\s+|beitrag\s+)?teilen|imprimer|envoyer|partager|imprimir"
         rf"|enviar|compartir|stampa|invia|condividi|{_PRINT_VERSION}|{_EMAIL_THIS}"
         # X, and a recipe's buttons: "Teilen Pinnen Drucken Merken", "Guardar Imprimir Compartir",
         # "Imprimer Partager Ajouter à mon carnet", "Salva ricetta Stampa Condividi"
         r"|x|pinnen|merken|guardar|salvar|salva(?:\s+ricetta)?|épingler|partilhar"
         r"|ajouter\s+à\s+(?:mon|mes|ma)\s+(?:carnets?|favoris)")
# a share bar's copy-link button: "Copiar enlace", "Copier le lien", "Link kopieren"
_COPY_LINK = r"copy\s+link|copiar\s+(?:el\s+)?(?:enlace|link)|copier\s+le\s+lien|link\s+kopieren|copia\s+(?:il\s+)?link"
_SEND_BY_MAIL = (r"(?:send|enviar|envoyer|invia|senden|versturen)\s+(?:by|por|par|per|via|als)\s+"
                 r"(?:e-?mail|correo|courriel)")
_AGENCY = (r"getty\s+images|afp|reuters|associated\s+press|ap(?:\s+photo|\s+images)?"
           r"|anadolu\s+agency|anadolu|epa(?:-efe)?|efe|shutterstock|alamy|istock(?:photo)?"
           r"|bloomberg|nurphoto|sopa\s+images|pa\s+(?:wire|images|media)|xinhua|unsplash|pexels"
           r"|corbis|dpa|ansa|tass|sipa|abaca|zuma\s+press|imago|picture\s+alliance")
# "read also" labels of other languages: "Lees ook:", "Mehr zum Thema:", "Lire aussi :"
_READ_ALSO = (r"lees\s+ook|zie\s+ook|mehr\s+zum\s+thema|lesen\s+sie\s+auch|(?:à\s+)?lire\s+(?:aussi|également)"
              r"|(?:leer|lea|lee|ver|vea)\s+también|leggi\s+anche|czytaj\s+(?:też|także|również)"
              r"|(?:leia|veja)\s+também|читайте\s+также|смотрите\s+также|läs\s+(?:också|även)"
              r"|l[æe]s\s+også|baca\s+juga|čtěte\s+také|citește\s+și|xem\s+thêm|đọc\s+thêm"
              # "you may also be interested in": "Das könnte dich auch interessieren", "Te
              # puede interesar", "Vous aimerez aussi", "Ti potrebbe interessare"
              r"|(?:das\s+)?könnte\s+(?:dich|sie|ihnen)\s+auch\s+interessieren"
              r"|(?:también\s+)?(?:te|le)\s+(?:puede|podría)\s+interesar|vous\s+aimerez\s+aussi"
              r"|(?:ti\s+)?potrebbe\s+(?:anche\s+)?interessar(?:ti|e)(?:\s+anche)?"
              r"|(?:você\s+)?(?:também\s+)?pode\s+(?:se\s+|te\s+)?interessar"
              # a related story's label: "Noticia relacionada:", "Artigo relacionado:"
              r"|(?:noticia|notícia|artículo|artigo|articolo)\s+(?:relacionad[oa]|correlato)")
# the legal links of a footer: a line cue alone or in a row, and what makes a row of other
# links a legal footer (_LEGAL_ROW_RE)
_LEGAL_LINK = (r"privacy\s+(?:policy|notice)|terms\s+of\s+(?:use|service)|terms\s+(?:and|&)\s+conditions"
               r"|cookie\s+policy|mentions\s+légales|datenschutz(?:erklärung|hinweise)?|impressum|aviso\s+legal"
               r"|política\s+de\s+privacidad"
               # (and in other languages: "Nutzungsbedingungen", "Politique de confidentialité",
               # "Note legali", "Termos de uso", "Política de cookies", "Cookie-Einstellungen")
               r"|nutzungsbedingungen|agb|politique\s+de\s+confidentialité|données\s+personnelles|cgu|cgv"
               r"|conditions\s+(?:générales\s+)?d['’]utilisation|note\s+legali|termini\s+e\s+condizioni"
               r"|informativa\s+(?:sulla\s+)?privacy|condiciones\s+de\s+uso|termos\s+(?:de\s+uso|e\s+condições)"
               r"|política\s+de\s+privacidade|(?:política|politique|politica)\s+(?:de\s+|des\s+)?cookies?"
               r"|cookie-einstellungen|(?:gestion|paramétrer)\s+(?:des|les)\s+cookies"
               r"|configuración\s+de\s+cookies|preferenze\s+(?:sui\s+)?cookie")
# the other links of a footer row that holds a legal one (in the languages above): "Impressum
# Datenschutz Kontakt Mediadaten", "Aviso legal Política de cookies Contacto Publicidad"
_FOOTER_LINK = (r"kontakt|mediadaten|barrierefreiheit|über\s+uns|werben|jobs|karriere"
                r"|contact|qui\s+sommes-nous\s*\??|plan\s+du\s+site|publicité|charte\s+du\s+groupe"
                r"|quiénes\s+somos|contacto|publicidad|trabaja\s+con\s+nosotros|privacidad"
                r"|chi\s+siamo|contatti|pubblicità|privacy|redazione|lavora\s+con\s+noi"
                r"|contactos|fale\s+conosco|anuncie|ficha\s+técnica|estatuto\s+editorial|cookies?")
_HOME = r"home|accueil|startseite|inicio|portada|página\s+principal|pagina\s+iniziale|homepage"
_SECTION = (r"news|world(?:\s+news)?|politics|business|sports?|tech(?:nology)?|entertainment"
            r"|lifestyle|health|opinion|local|national|international|science|culture|travel"
            r"|economy|markets|africa|europe|asia|americas|blog|articles?|features")

_LANGUAGE_NAME = (r"(?:english|german|french|spanish|italian|portuguese|russian|chinese|japanese"
                  r"|arabic|dutch|polish|turkish|korean|hindi)")
_THREAD_ACTION = (r"(?:reply|like|likes|share|report|permalink|edit|delete|quote|flag|upvote|downvote"
                  r"|vote\s+(?:up|down)|\d+\s*(?:likes?|[smhdwy]))")
# a forum post's profile fields and quote label, which stand at each post: "Join Date: Jun 2005",
# "Joined: Sat Mar 08, 2008 2:51 pm", "Posts: 2,341", "Originally Posted by geordie_jim"
_FORUM_PROFILE = (r"posts:\s*\d[\d,.]*"
                  rf"|join\s+date:\s*{MONTH_ABBREVIATION}\w*\.?\s+\d{{4}}"
                  rf"|joined:\s*(?:{WEEKDAY_STEM}\w*,?\s+)?{MONTH_ABBREVIATION}\w*\.?\s+\d{{1,2}},?"
                  rf"\s+\d{{4}}(?:,?\s+{CLOCK})?|originally\s+posted\s+by\s+[\w.'-]{{1,40}}")
# a blog post's or comment's byline with a time of day: "Posted by Jane Smith at 10:15 AM" (a
# whole-line cue in LINE_CUES and a comment header in COMMENT_HEADER_RE)
_POSTED_BY_AT = rf"posted\s+by\s+.{{1,60}}\s+at\s+{CLOCK}"
# the links a blog post's footer row ends with (TypePad, Blogger, Movable Type): "Permalink",
# "Comments (3)", "3 comments", "TrackBack (0)", "Links to this post"
_POST_LINK = (r"(?:permalink|comments?\s*\(\d+\)|(?:\d+|no|one)\s+comments?"
              r"|trackbacks?\s*\(\d+\)|links\s+to\s+this\s+post)")
# a post's footer: its byline or time, maybe its category, then such links: "Posted by Jane at
# 10:15 AM | Permalink | Comments (3)", "Posted at 08:47 PM in Travel | Permalink", "Posted by
# Jane at 4:25 PM 3 comments" (the links make it furniture without a name)
_POST_IN = r"(?:\s+in\s+[^|\n]{1,80}?)?"
_POST_FOOTER = (rf"{_POSTED_BY_AT}{_POST_IN}(?:\s*[|·•]?\s*{_POST_LINK})*"
                rf"|posted\s+at\s+{CLOCK}{_POST_IN}(?:\s*[|·•]?\s*{_POST_LINK})+")

# a relative time: "3 hours ago"
_AGO = r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"

# The free text of a cue (a title after "3 Responses to", "Share the", "Subscribe to") must not
# read as the rest of a sentence: four words or more in lowercase, ending in a full stop, that
# do not address the reader. "Two responses to the plan were published on Monday." and "Share
# the cost of the project equally." are an article's; "3 Comments on Japan and NATO pledge
# closer ties.", "Share this story." and "Subscribe to our blog and receive notifications of new
# posts by email." are furniture.
_NO_SENTENCE_END = (r"(?!\s*(?![^\n]*\b(?:our|your|you|us)\b)(?-i:[a-z])(?:\S+\s+){3}"
                    r"[^\n]*[a-z0-9]\.\W*$)")

# A comment count, its noun agreeing with it ("12 Comments", "One thought", "No responses"; not
# "No comment", which heads news), and what the comments are on: "3 Responses to “...”". Both
# a whole-line cue and the heading of a comment section (COMMENT_OPENER_RE).
_COMMENT_COUNT = (r"\d+\s+(?:comments?|responses?|replies|thoughts?|reactions?)"
                  r"|(?:no|two|three)\s+(?:comments|responses|replies|thoughts|reactions)"
                  r"|one\s+(?:comment|response|reply|thought|reaction)")
# a press release's contact heading: "Media contact", "Press Inquiries", "Investor Relations"
_PRESS_CONTACT = r"(?:media|press|investor|news)\s+(?:contacts?|inquiries|enquiries|relations)"
_FOREIGN_COMMENTS = (r"kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties|reacciones"
                     r"|commenta|comenta|comentar|kommentieren"
                     # a comment's reply button: "Répondre", "Antworten", "Rispondi"
                     r"|répondre|responder|rispondi|antworten")
# a thread's count in other languages: "27 réponses à “Tarte Tatin”", "12 Kommentare zu ..."
_FOREIGN_COMMENT_COUNT = (r"\d+\s+(?:réponses?|respuestas?|risposte|respostas?|antworten|kommentare"
                          r"|commentaires|comentarios|commenti|comentários)")
# an empty thread's notice and its invitation, in other languages: "Noch keine Kommentare.
# Schreib den ersten!", "Soyez le premier à commenter", "Seja o primeiro a comentar"
_NO_COMMENTS_YET = (r"noch\s+keine\s+kommentare|aucun\s+commentaire|no\s+hay\s+comentarios"
                    r"|nessun\s+commento|(?:ainda\s+)?não\s+há\s+comentários")
_BE_FIRST = (r"schreib(?:en\s+sie)?\s+den\s+ersten(?:\s+kommentar)?|sei\s+(?:der|die)\s+erste(?:,?\s+der\s+kommentiert)?"
             r"|soyez\s+le\s+premier(?:\s+à\s+(?:commenter|réagir))?|sé\s+el\s+primero(?:\s+en\s+comentar)?"
             r"|sii\s+il\s+primo(?:\s+a\s+commentare)?|seja\s+o\s+primeiro(?:\s+a\s+comentar)?")
_COMMENT_TOPIC = rf"(?:\s+(?:on|to)\s+{_NO_SENTENCE_END}.{{1,200}})?"
# the invitation WordPress's Thesis theme prints after the count: "{ 31 comments… read them
# below or add one }", "{ 0 comments… add one now }"
_ADD_ONE = r"(?:\s*(?:…|\.\.\.)\s*(?:read\s+them\s+below\s+or\s+)?add\s+one(?:\s+now)?)?"
_AFTER_COUNT = _COMMENT_TOPIC + _ADD_ONE  # what may follow a comment count on its line

# the heading of a list of other stories: "Related Posts", "Most Read", "You might also like",
# "More stories from ...", "More World News", "MORE LOCAL NEWS" (a section's name, one or two
# words, between: QA passes 16 and 19); a navigation cue, and LIST_HEADING_RE
_LIST_HEADING = (
    r"related(?:\s+(?:articles?|posts?|stories|news|content|reading|topics|coverage|links))?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy)"
    # "More World News", "More comfort food recipes", "More releases from Harbourlight Robotics"
    r"|more\s+(?:(?:(?-i:[A-Z])[\w-]*\s+){0,2}(?:stories|articles|news|headlines|reviews|videos)"
    r"|(?:[\w-]+\s+){0,2}(?:recipes|guides|releases))"
    rf"(?:\s+from\s+{_NO_SENTENCE_END}.{{2,40}})?|recommended(?:\s+(?:for\s+you|stories|articles))?"
    r"|(?:explore\s+)?more\s+on\s+(?:these\s+topics|this\s+(?:story|topic))|explore\s+more"
    r"|most\s+(?:popular|read|viewed|shared)|trending(?:\s+(?:now|stories|news))?"
    r"|top\s+stories|latest\s+(?:news|posts|stories|articles|headlines)|popular\s+posts|recent\s+posts"
)

# what a newsletter pitch offers: "the latest", "the week's best"
_BEST = r"(?:latest|best|top|biggest|(?:week|day|month)['’]s\s+(?:best|top|biggest))"

# how a comment thread's tabs sort it: "Newest", "Oldest", "Most liked", "Best"
_SORT_ORDER = (r"(?:newest|oldest|best|top|popular|recent|latest|controversial|most\s+(?:liked|popular"
               r"|recent|voted|upvoted|replied|reactions)|(?:top|highest)[\s-]rated)(?:\s+first)?")
# the account links of a page's header: "Subscribe | Sign in", "Log in / Register"
_ACCOUNT_LINK = (r"subscribe(?:\s+now|\s+today)?|sign\s+(?:in|up|out)|log\s*(?:in|out)|register"
                 r"|my\s+account|create\s+(?:an\s+)?account|join(?:\s+now)?")
# a recipe card's buttons: "Jump to Recipe", "Print Recipe", "Pin Recipe"
_RECIPE_BUTTON = r"jump\s+to\s+(?:recipe|video)|(?:print|pin|save|rate)\s+recipe"
# a search box's placeholder or hint: "Search recipes...", "Search…", "Type to search",
# "Hit enter to search or ESC to close" (not a sentence that opens with "Search")
_SEARCH_BOX = (r"search(?:\s+(?:in\s+|for\s+)?(?:(?:this|the|our|all)\s+)?(?:site|website|blog|recipes"
               r"|articles|posts|news|stories|products|archives?|here))?\s*(?:\.{3}|…)"
               r"|search\s+(?:the|our)\s+(?:site|website|archives?)"
               r"|(?:(?:start\s+)?typ(?:e|ing)\s+(?:here\s+|above\s+)?(?:to\s+search|(?:and|&)\s+(?:hit|press)\s+enter"
               r"(?:\s+to\s+search)?)|(?:hit|press)\s+enter\s+to\s+search)"
               r"(?:(?:\W+|\s+or\s+)(?:(?:hit|press)\s+)?esc(?:ape)?\s+to\s+(?:close|cancel))?")

LINE_CUES: dict[str, str] = {
    "comments": (
        # "Leave a Reply", and WordPress's form title with its cancel link: "Leave a Reply Cancel
        # reply", "Leave a Reply to Jane Cancel reply", "Write A Comment Cancel Reply"
        r"(?:leave|post|add|write)\s+(?:a|your)\s+(?:reply|comment|response)"
        r"(?:(?:\s+to\s+.{1,60}?)?\s*cancel\s+reply)?|cancel\s+reply|reply"
        r"|replies|comments|comment"
        rf"|(?:{_COMMENT_COUNT}){_AFTER_COUNT}"
        r"|(?:no|view|show|load|loading|hide|read)\s+(?:all\s+|more\s+)?comments?"
        r"|join\s+the\s+(?:conversation|discussion|debate)|log\s*in\s+to\s+(?:reply|comment)"
        # a thread's sort tabs: "Newest  Oldest  Most liked", "Sort by: Newest | Oldest | Best"
        rf"|sort(?:ed)?\s+(?:comments\s+)?by\s*:?(?:\s*{_SORT_ORDER}(?:\W+{_SORT_ORDER})*)?"
        rf"|(?:{_SORT_ORDER}\W+)*(?:newest|oldest)(?:\s+first)?(?:\W+{_SORT_ORDER})+|(?:newest|oldest)\s+first"
        # "Sign in or create your Northern Chronicle account to join the discussion." (QA pass 41)
        r"|(?:sign|log)\s*in\s+or\s+(?:create|register)\s+(?:an?|your)\s+(?:[\w'’-]+\s+){0,3}account\s+to\s+"
        r"(?:join\s+the\s+(?:conversation|discussion)|comment|reply)"
        # "Comments are closed on this article.", "Commenting is closed for this story", "Comments
        # have been disabled on this article for legal reasons."
        r"|(?:comments\s+(?:are|have\s+been)|commenting\s+(?:is|has\s+been))\s+(?:now\s+)?(?:closed|disabled|turned\s+off)"
        r"(?:\s+(?:on|for)\s+this\s+(?:article|story|post|page|entry))?(?:\s+for\s+legal\s+reasons)?"
        # ... "Join the conversation on our Facebook page."
        r"(?:\.\s+(?:join|continue)\s+the\s+(?:conversation|discussion|debate)\s+on\s+.{1,60})?"
        r"|be\s+the\s+first\s+to\s+comment(?:\s+on\s+this\s+(?:story|article|post))?"
        r"|(?:name|email|comment)\s*\*"
        # a commenter's name line: "Sheri says", "Andrew Matt wrote:" (not "The statement says:");
        # possessive (a word never ends before white space, so backtracking into it is futile)
        r"|(?!(?:the|a|an|his|her|their|its|our|this|that|it|he|she|they|we)\s)"
        r"[\w.'-]++(?:\s++[\w.'-]++){0,3}\s++(?:says|wrote|said\s*(?:\.\.\.|…))"
        # thread widgets of blogs and comment systems: "Report abuse", "Reply · Like · 3y",
        # "Comments (12)", "Subscribe to: Post Comments (Atom)", "Pingback: ..."
        r"|report\s+(?:abuse|this\s+comment|comment)|permalink|reply\s+to\s+this(?:\s+comment)?"
        r"|click\s+here\s+to\s+cancel\s+reply|comments?\s*\(\d+\)|post\s+comments\s*\(atom\)"
        r"|subscribe\s+to:?\s+(?:post\s+)?comments.{0,40}|(?:trackback|pingback)s?(?:\s+url|:.{1,200})?"
        rf"|{_THREAD_ACTION}(?:\s*[·•|]\s*{_THREAD_ACTION})+\W*"
        # a Slashdot-style comment title: "Re: (Score:2)", "Good point (Score:3, Informative)"
        r"|.{0,120}\(score:\s*-?\d[^)]{0,30}\)"
        # a blog post's footer: "Posted by Jane Smith at 10:15 AM", "... in News | Permalink"
        rf"|{_POST_FOOTER}"
        # forum software (vBulletin, phpBB, SMF...): a poster's rank and profile fields (a date
        # or a count, not a player's "Joined: Chelsea, 2015" or "Posts: 12 goals"), quote
        # labels, thread tools, posting rules and the board's footer ("Re:" post titles are
        # flagged inside threads only: a memo's subject line reads the same)
        rf"|(?:senior|junior|registered|veteran|elite)\s+member|{_FORUM_PROFILE}|quote:|post\s+reply"
        r"|thread\s+tools(?:\s+display\s+modes)?|display\s+modes|view\s+single\s+post.{0,120}"
        r"|posting\s+(?:rules|permissions)|you\s+(?:may|can)(?:\s+not|not)?\s+(?:post\s+(?:new\s+"
        r"(?:threads|topics)|replies|attachments)|edit\s+your\s+posts|reply\s+to\s+topics)"
        r"|(?:bb|\[img\]|html)\s+code\s+is\s+(?:on|off)|smilies\s+are\s+(?:on|off)"
        r"|all\s+times\s+are\s+(?:gmt|utc).{0,60}|display\s+posts\s+from\s+previous.{0,80}"
        r"|sort\s+by\s+post\s+time.{0,30}|who\s+is\s+online|users\s+browsing\s+this\s+forum.{0,80}"
        r"|board\s+index.{0,120}|search\s+this\s+(?:topic|forum|thread).{0,3}|\d+\s+posts?\s*[•·|]"
        r"\s*page\s+\d+\s+of\s+\d+|powered\s+by\s+(?:vbulletin|phpbb|smf|mybb|xenforo|invision"
        r"|discourse|punbb|fluxbb).{0,80}"
        r"|welcome,?\s+guest\b.{0,80}|remember\s+me\??|results\s+\d+\s+to\s+\d+\s+of\s+\d+"
        # SMF's line under each post ("Logged": the poster's IP is logged), its report link and
        # the topic's header row ("Author Topic: Brake squeal (Read 3,912 times)")
        r"|logged|report\s+to\s+moderator|(?:author\s+)?topic:.{1,200}\(read\s+\d[\d,.]*\s+times\)"
        r"|reply\s+with\s+quote|(?:user\s*name|password)\s*:?"
        # comment sections of other languages: "Kommentare (17)", "Réagissez à cet article",
        # "Vous devez être connecté pour commenter", "Deja un comentario"
        rf"|(?:{_FOREIGN_COMMENTS})(?:\s*\(\d+\))?"
        # (the post's title quoted, as WordPress does: "5 Antworten auf die Klimakrise" is a heading)
        rf"|(?:{_FOREIGN_COMMENT_COUNT})(?:\s+(?:à|a|zu|auf|para|su|em|sur|en)\s+[\"“„«‘‚].{{1,200}})?"
        r"|kommentar\s+(?:schreiben|verfassen)|(?:laisser|écrire|ajouter)\s+un\s+commentaire"
        r"|réagi(?:ssez|r)(?:\s+à\s+cet\s+article)?|(?:deja|escribe|añade)\s+(?:un|tu)\s+comentario"
        r"|lascia\s+un\s+commento|normas\s+de\s+participación"
        # "Noch keine Kommentare. Schreib den ersten!", "Soyez le premier à commenter",
        # "Publicar comentario", "I commenti sono sotto la responsabilità degli autori.",
        # "Para comentar debes estar registrado.", "Os comentários deste artigo estão
        # reservados a assinantes."
        rf"|(?:(?:{_NO_COMMENTS_YET})\W+)?(?:{_BE_FIRST})\W*|(?:{_NO_COMMENTS_YET})\W*"
        r"|(?:publicar|enviar)\s+(?:el\s+|um\s+|o\s+)?(?:comentario|comentário)"
        r"|publier\s+(?:le\s+|un\s+|mon\s+)?commentaire|kommentar\s+(?:absenden|abschicken|senden)"
        r"|(?:invia|pubblica)\s+(?:il\s+)?commento"
        r"|i\s+commenti\s+sono\s+sotto\s+la\s+(?:piena\s+)?responsabilità\s+degli\s+autori.{0,80}"
        r"|para\s+(?:comentar|participar)\s+(?:debes|tienes\s+que|es\s+necesario|hay\s+que)\s+"
        r"(?:estar\s+registrad[oa]|registrarte|iniciar\s+sesión|ser\s+suscriptor).{0,80}"
        r"|os\s+comentários\s+(?:deste\s+artigo\s+)?(?:estão\s+)?(?:reservados|restritos|exclusivos)\s+"
        r"(?:a|para|aos)\s+(?:assinantes|subscritores).{0,40}"
        # invitations to comment and feedback widgets: "Share your thoughts in the comments
        # below.", "Let us know in the comments", "Did you find this story interesting?"
        r"|(?:(?:what\s+do\s+you\s+think|tell\s+us\s+what\s+you\s+think)\W+)?(?:share\s+your\s+thoughts"
        r"|let\s+us\s+know(?:\s+what\s+you\s+think)?|tell\s+us\s+what\s+you\s+think|sound\s+off"
        r"|join\s+the\s+(?:conversation|discussion))\s+(?:in\s+the\s+comments?(?:\s+section)?(?:\s+below)?"
        r"|below)"
        r"|was\s+this\s+(?:page|article|story|post|answer|information)\s+(?:helpful|useful)\??(?:\s+(?:yes|no)){0,2}"
        r"|did\s+you\s+(?:find\s+this\s+(?:article|story|post|page)\s+(?:interesting|helpful|useful)"
        r"|(?:like|enjoy)\s+this\s+(?:article|story|post))"
        r"|vous\s+devez\s+être\s+(?:connecté|abonné|inscrit)e?\s+pour\s+(?:commenter|réagir"
        r"|publier\s+un\s+commentaire)(?:\W+(?:je\s+m['’]abonne|s['’]abonner|se\s+connecter|connexion))?"
        r"|um\s+(?:zu\s+)?kommentieren(?:\s+zu\s+können)?,?\s+müssen\s+sie\s+(?:angemeldet|eingeloggt"
        r"|registriert)\s+sein(?:\W+(?:jetzt\s+)?(?:anmelden|einloggen|registrieren))?"
    ),
    "subscribe": (
        r"subscribe(?:\s+now|\s+today)?|sign\s+up(?:\s+now|\s+today)?|continue\s+reading"
        r"|keep\s+reading|read\s+(?:the\s+)?full\s+(?:story|article)|already\s+a\s+subscriber.*"
        r"|discover\s+more\s+from\s+.{2,60}|type\s+your\s+email.*|enter\s+your\s+email(?:\s+address)?"
        # a sign-up form's field and button and its pitch: "Your email address", "Sign me up",
        # "Get the latest releases in your inbox", "Get the week's best science stories. Sign up
        # now", "Join 250,000 readers who get our best money-saving tips every Thursday."
        r"|your\s+e-?mail(?:\s+address)?|sign\s+me\s+up"
        rf"|get\s+(?:the\s+)?{_BEST}\s+(?:[\w'’-]+\s+){{0,4}}?[\w'’-]+"
        r"(?:\s+(?:in|to|straight\s+to)\s+your\s+inbox(?:[.!]?\s+sign\s+up(?:\s+(?:now|today|here))?)?"
        r"|[.!]?\s+sign\s+up(?:\s+(?:now|today|here))?)"
        r"|join\s+(?:over\s+|more\s+than\s+)?\d[\d,.]*\s*(?:k|million)?\s+(?:other\s+)?(?:readers|subscribers)"
        r"\s+who\s+.{5,120}"
        rf"|newsletters?|get\s+(?:our|the)\s+newsletter|subscribe\s+to:?\s+{_NO_SENTENCE_END}.{{2,60}}"
        # app prompts: "Get the app", "Download the Gazette app"
        r"|(?:get|download)\s+(?:the|our)\s+(?:free\s+)?(?:[\w&'’-]+\s+){0,4}app(?:\s+(?:now|today|here))?"
        # log-in prompts of other languages' paywalls (their labels, "Article réservé aux
        # abonnés", are a phrase cue): "Bereits Abonnent? Hier einloggen", "¿Ya eres
        # suscriptor? Inicia sesión"
        r"|(?:bereits|schon)\s+abonnent(?:in)?\s*\?.{0,60}|déjà\s+abonnée?\s*\?.{0,60}"
        r"|¿?ya\s+eres\s+suscriptora?\s*\?.{0,60}|sei\s+già\s+abbonato\s*\?.{0,60}"
        r"|já\s+é\s+assinante\s*\?.{0,60}"
    ),
    "navigation": (
        # the line ends there, or a separator or a capitalised title follows (glued, too:
        # "Previous articleSouth African..."), not a sentence ("Previous posts mentioned...")
        r"(?:previous|next|prev|older|newer)\s+"
        r"(?:articles?|posts?|story|stories|pages?|podcasts?|episodes?|entry|entries)"
        rf"(?:$|(?=\s*(?:[^\w\s]|(?-i:[A-Z0-9])|in\s+(?-i:[A-Z]))){_NO_SENTENCE_END}.{{0,200}})"
        r"|(?:back|return)\s+to\s+top(?:\s+of\s+(?:the\s+)?page)?(?:\s+button)?"
        # skip links, one or a row: "Skip to primary content", "skip to main | skip to sidebar"
        rf"|{_SKIP_TO}(?:\s*[|·•]\s*{_SKIP_TO})*"
        r"|related\s+(?:press\s+)?releases|other\s+(?:stories|news)(?:\s+this\s+week)?\s*:?"
        rf"|{_LIST_HEADING}"
        r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested(?:\s+in)?)(?:\s*:.{0,200})?"
        r"|see\s+also|read\s+(?:more|next|also)|also\s+read|load\s+more"
        # "read more" links of other languages
        r"|mehr\s+erfahren|weiterlesen|en\s+savoir\s+plus|lire\s+la\s+suite|(?:leer|ver)\s+más"
        r"|más\s+información|leggi\s+(?:di\s+più|tutto)|lees\s+meer|czytaj\s+(?:więcej|dalej)"
        r"|(?:saiba|leia|ler)\s+mais"
        r"|show\s+more|view\s+all|(?:main\s+)?menu|search|home|close|log\s*in|sign\s+in"
        r"|log\s*out|register|tags?|categories|filed\s+under|posted\s+in"
        # a row of account links: "Subscribe | Sign in", "Log in / Register", "Sign In Subscribe"
        rf"|(?:{_ACCOUNT_LINK})(?:(?:\W+|\s+or\s+)(?:{_ACCOUNT_LINK}))+"
        # a recipe card's buttons ("Jump to Recipe  Print Recipe"; "Print Recipe" alone is a share
        # button), in-page jump links ("Jump to:", "Jump to navigation") and search boxes
        rf"|(?:(?:{_RECIPE_BUTTON})\W+)*jump\s+to\s+(?:recipe|video)(?:\W+(?:{_RECIPE_BUTTON}))*"
        # (a bare "Jump to" with its colon: "Jump to ↓" opens a page's own contents list)
        r"|jump\s+to(?:\s+(?:navigation|(?:main\s+)?content|comments|the\s+comments)\s*:?|\s*:)"
        rf"|{_SEARCH_BOX}"
        r"|(?:also\s+read|read\s+(?:more|also|next)|see\s+also|related|tags|topics|labels|filed\s+under"
        r"|tagged(?:\s+(?:with|as|in|under))?"
        rf"|posted\s+in|recommended|{_READ_ALSO})\s*[:|»›>-].{{0,200}}"
        # the heading of a list of links alone on its line: "À lire aussi", "Lesen Sie auch"
        rf"|{_READ_ALSO}"
        # ... and of related and most-read lists in other languages: "Weitere Artikel aus
        # Landsberg", "Auch interessant", "Artículos relacionados", "Les plus lus", "Sur le même
        # sujet", "Le notizie più lette", "Ultime notizie", "Mais lidas"
        r"|weitere\s+(?:artikel|beiträge|nachrichten|meldungen)(?:\s+(?:aus|zu|zum|zur|von)\s+.{1,40})?"
        r"|(?:auch|ebenfalls)\s+interessant|ähnliche\s+(?:artikel|beiträge|themen|rezepte)"
        r"|meistgelesen(?:e\s+(?:artikel|nachrichten))?|neueste\s+(?:artikel|nachrichten)"
        r"|(?:artículos|noticias|temas|recetas)\s+relacionad[oa]s|lo\s+más\s+(?:leído|visto)"
        r"|(?:las\s+)?(?:noticias\s+)?más\s+leídas|últimas\s+noticias"
        r"|(?:les\s+)?(?:articles\s+)?(?:les\s+)?plus\s+lus|sur\s+le\s+même\s+sujet"
        r"|à\s+découvrir(?:\s+(?:aussi|également))?|(?:articles|recettes)\s+similaires"
        r"|(?:le\s+)?notizie\s+più\s+lette|(?:gli\s+)?articoli\s+più\s+letti|articoli\s+correlati"
        r"|ultime\s+notizie|(?:as\s+)?(?:notícias\s+)?mais\s+lidas|(?:notícias|artigos)\s+relacionad[oa]s"
        r"|últimas\s+notícias"
        # a "read more" link or button that asks for the click: "Click here to read more.",
        # "Click here to join now!!!"
        r"|(?:click|tap)\s+here(?:\s+(?:to\s+(?:read|see|find\s+out)|for)\s+more(?:\s+\w+)?"
        r"|\s+to\s+(?:join|subscribe|sign\s+up|register|apply|start|watch|listen|continue)"
        r"(?:\s+(?:now|today|here))?)?"
        # sidebars and post footers of blog platforms (older pages): "Blog Archive",
        # "► 2012 (45)", "March 2012 (5)", "Search for:", "Blogroll", "This entry was posted in"
        r"|blog\s+archive|search\s+this\s+(?:blog|site)|search\s+for:?|archives?|blogroll"
        r"|recent\s+comments|top\s+of\s+(?:the\s+)?page|view\s+my\s+complete\s+profile"
        # (a full month name only: a month's stem and any letters, as _MONTH below takes them,
        # would make "Decision 2012" a cue; without its count, "June 2015" is a timeline's
        # subheading as often: a run of them is an archive list, see MONTH_LINE_RE)
        rf"|[►▼▶◄▸▾]\s*.{{1,40}}\(\d+\)|{MONTH_NAME}\s+(?:19|20)\d\d\s*\(\d+\)"
        r"|this\s+entry\s+was\s+posted\s+(?:in|on)\s.{1,200}"
        # a post's category and tag row: "Categories: Linux | Tags: grub, ssd" (a "Category:"
        # label alone may head an awards list's entries)
        r"|categor(?:y|ies)\s*:.{1,120}?[|·•]\s*tag(?:s|ged)\b.{0,200}"
        r"|posted\s+in\s+.{1,80}\|\s*(?:tagged\s+.{1,120}\|\s*)?(?:(?:\d+|no|one)\s+comments?"
        r"|leave\s+a\s+(?:comment|reply))"
        # a blog post's entry line: "Posted on March 3, 2011 by Carol Hendricks" (WordPress's
        # Twenty Ten; a date alone is DATE_LINE_RE's)
        rf"|(?:posted|published)\s+on\s+{DATE}(?:,?\s+(?:at\s+)?{CLOCK})?\s+by\s+.{{2,60}}"
        rf"|(?:posted|published|submitted)\s+by\s+.{{2,60}}?\s+on\s+(?:{WEEKDAY_STEM}\w*\.?,?\s+)?{DATE}"
        rf"(?:(?:,?\s+(?:at\s+)?|\s+[-–]\s+){CLOCK})?(?:\s+in\s+.{{1,60}})?"
        # a blog's links to the posts either side and its front page: "« Previous | Main | Next »"
        r"|(?:previous|prev|older)(?:\s+(?:post|entry))?\s*[|·•]\s*(?:main|home)(?:\s+page)?\s*[|·•]\s*"
        r"(?:next|newer)(?:\s+(?:post|entry))?"
        # headers of content-recommendation widgets and news-site sections (2010s pages): "You
        # May Like", "From Around the Web", "More From Reuters", "We recommend", "Part of
        # complete coverage on", "Suggest a correction", "Slideshow (2 Images)"
        r"|you\s+may\s+like|from\s+(?:around|across)\s+the\s+web"
        r"|more\s+from\s+(?:the\s+)?(?-i:[A-Z])\S*(?:\s+(?-i:[A-Z])\S*){0,3}"  # a name
        r"|we\s+recommend|part\s+of\s+complete\s+coverage\s+on|suggest\s+a\s+correction"
        r"|report\s+an\s+(?:error|issue|inaccuracy)|(?:slideshow|gallery)\s*\(\d+\s+(?:images|photos)\)"
        # a call-to-action button on a line of its own: "Learn More", "Get Started", "Get a
        # Quote", "Book a demo" (not "Learn more:", which introduces what follows; "Buy now",
        # "Download now" and "Get started today" are the spam pack's SPM003)
        r"|(?:(?:(?:learn|find\s+out|discover|see|explore)\s+more|get\s+started(?:\s+for\s+free)?"
        r"|try\s+(?:it\s+)?(?:for\s+)?free|start\s+(?:your\s+)?free\s+trial"
        r"|(?:book|request)\s+a\s+demo|get\s+a\s+(?:free\s+)?quote)(?![^\w)]*:))"
        # an embedded video's or podcast's label: "WATCH: Mayor opens the bridge (video, 2:14)",
        # "Listen: The Hollow End Podcast, episode 112"
        r"|(?:watch|listen|video|audio)\s*:.{1,150}\((?:(?:video|audio)\s*,?\s*)?\d{1,2}:\d\d\)"
        r"|listen\s*:(?!.*[a-z]{2}\.$).{1,100}\b(?:podcast|episode)\b.{0,80}"  # not a sentence
        # Blogger's bar
        r"|next\s+blog|create\s+(?:a\s+)?blog(?:\s+sign\s+in)?"
    ),
    "breadcrumb": (
        rf"(?:{_HOME})\s*(?:[>»›/|]|\s-\s).{{0,200}}"
        rf"|home\s+(?:{_SECTION})\b(?!(?-i:\s+[a-z]))[^.!?]{{0,200}}"
        # "You are here: Home / News", "Sie sind hier: Startseite > Politik"
        r"|(?:you\s+are\s+here|sie\s+sind\s+hier|vous\s+êtes\s+ici|usted\s+está\s+(?:aquí|en)"
        r"|se\s+encuentra\s+en|ti\s+trovi\s+(?:qui|in)|u\s+bent\s+hier)\s*:.{1,200}"
    ),
    "share": (
        rf"(?:{_SHARE_ON})(?:\W+(?:{_SHARE_ON}|{_SEND_BY_MAIL}|{_EMAIL_THIS}|{_COPY_LINK}))*"
        rf"|share(?:\s+(?:this|on|via|the)\b{_NO_SENTENCE_END}.{{0,40}})?|tweet"
        # "Pin it for later", "Like this post? Pin it for later!" (a recipe blog's Pinterest button)
        r"|(?:(?:like|love|enjoy(?:ed)?)\s+this\s+(?:post|recipe|article|idea)\?\s*)?pin\s+(?:it|this)(?:\s+for\s+later)?"
        rf"|{_COPY_LINK}|whatsapp"
        rf"|{_SHARE_COUNTS}|{_SHARE_LABEL_ROW}"
        rf"|share\s+to\s+(?:social\s+media|{_SOCIAL})|blogthis!?"
        rf"|{_CLICK_TO_SHARE}(?:\W+{_CLICK_TO_SHARE})*"
        r"|facebook|twitter|linkedin|pinterest|reddit|telegram|flipboard"
        # bookmarking and share widgets of older pages
        r"|digg(?:\s+(?:this|it))?|del\.icio\.us|stumbleupon|stumble\s+it!?|technorati"
        rf"|{_EMAIL_THIS}|like\s+this:?|like\s+loading\.*"
        r"|links\s+to\s+this\s+post|create\s+a\s+link"
        # an older CMS's article tools and view counter: "PDF", "Hits: 1843" (Joomla)
        r"|pdf|(?:hits|views):\s*\d[\d,.]*"
        # "Read or Share this story: http://..." (Gannett papers)
        r"|read\s+or\s+share\s+this\s+(?:story|article)\s*:\s*\S{1,200}"
        # a text-to-speech player: "Listen to this article · 5 min"
        r"|listen\s+to\s+this\s+(?:article|story)(?:\W+\d+\s*min(?:ute)?s?)?"
        # "E-mail to a friend", "Print", "Drucken", "Artikel teilen", "Envoyer par e-mail", "+1"
        r"|e-?mail(?:\s+(?:to\s+a\s+friend|this\s+story|story|article))?"
        r"|print(?:\s+(?:this\s+)?(?:article|story|page|recipe))?"
        rf"|{_PRINT_VERSION}|drucken|imprimer|imprimir|stampa|teilen"
        r"|(?:artikel|beitrag)\s+teilen|partager(?:\s+(?:cet\s+article|sur))?|compartir|condividi"
        r"|envoyer\s+(?:par\s+)?(?:e-?mail|courriel)|(?<=\+)1|google\+(?:\s*\d+)?"
        r"|be\s+the\s+first\s+to\s+like\s+this(?:\s+post)?|follow\s+@\w+"
        r"|(?:(?:email\s+this|blogthis!?|share\s+to\s+\w+)\W*){2,}"
        # a row of share and tool links: "Facebook Twitter Email", "Print Email Font Resize",
        # "Tweet Share Pin It +1 Email", "Drucken | Versenden | Teilen"
        rf"|(?:(?:{_TOOL})\W+)+(?:{_TOOL})"
    ),
    "credit": (
        # in brackets too: "(Photo: Getty Images)", "(AP Photo/Evan Vucci)", "(Reuters)"
        r"\(?(?:(?:(?:staff|file|handout|contributed|submitted)\s+)?"
        r"(?:photo(?:graph)?|image|picture|pic|foto|imagen|immagine|bildquelle|bildnachweis|fotonachweis"
        r"|cr[ée]dits?\s+photos?)s?(?:\s+(?:credit|courtesy|copyright))?\s*"
        # a name after "by" (not "Photo by photo, the archivists ..."), ten words at most (not
        # "Photos: the police released six images of the men they want to trace.")
        r"(?:(?:by|via)\s+(?-i:[A-Z0-9])|[:|©])(?=\S*(?:\s+\S+){0,9}\s*$).{1,120}"
        # (twelve words at most: "Image courtesy of the family, the portrait shows Kieran at
        # his sister's birthday party." is a caption's sentence)
        r"|(?:photo|image)(?=\S*(?:\s+\S+){0,11}\s*$)\s+(?:courtesy\s+of|credit)\s*:?\s*.{2,120}"
        # German "Bild:" (also the name of a paper a headline cites: "Bild: Kanzler plant ...")
        # with a credit's slash between names or an agency: "Bild: Stadt Landsberg/Visualisierung",
        # "Bild: dpa"
        r"|bild\s*:\s*(?=[^:]{0,80}(?:\S/\S|\b(?:dpa|imago|privat|picture[\s-]alliance|getty|istock"
        r"|shutterstock|adobe\s+stock|apa|keystone)\b))(?=\S*(?:\s+\S+){0,9}\s*$).{2,120}"
        # an agency's photo and file credits: "AP Photo/Evan Vucci", "Credit: Reuters/File Photo"
        rf"|with\s+inputs?\s+from\s+(?:agencies|pti|ani|ians|{_AGENCY})(?:\s*(?:,|and|&)\s*(?:agencies|pti|ani|ians|{_AGENCY}))*"
        rf"|(?:credit\s*:\s*)?(?:{_AGENCY})(?:\s+photo(?:\s*/\s*[^/()]{{2,60}})?|\s*/\s*file(?:\s+photo)?)?)\)?"
    ),
    "legal": (
        rf"(?:(?:{_LEGAL_LINK}|privacy(?:\s+settings)?|terms|contact(?:\s+us)?|about(?:\s+us)?"
        r"|sitemap|site\s+map|accessibility|advertise(?:\s+with\s+us)?|careers|imprint"
        r"|copyright\s+(?:policy|notice|statement|guidelines)"
        r"|conditions\s+générales(?:\s+d[e'’]\s*(?:utilisation|vente))?"
        r"|nutzungsbedingungen|política\s+de\s+cookies|note\s+legali"
        r"|your\s+california\s+privacy\s+rights|do\s+not\s+sell\s+my\s+(?:personal\s+)?info(?:rmation)?"
        r"|ad\s*choices|eeo\s+(?:report|public\s+file)|fcc\s+(?:public|applications)(?:\s+(?:inspection\s+)?file)?"
        r"|disclaimer)(?:\W+|$)){1,10}"
        rf"|(?:(?:{_FOOTER_LINK})\W+){{0,8}}(?:{_LEGAL_LINK})(?:\W+(?:{_FOOTER_LINK}|{_LEGAL_LINK})){{0,8}}\W*"
        # a press release's disclaimer heading: "Forward-Looking Statements", "Cautionary Note
        # Regarding Forward-Looking Statements", "Safe Harbor Statement"
        r"|(?:cautionary\s+(?:note|statement|language)\s+(?:regarding|concerning|about|on)\s+)?"
        r"forward[\s-]looking\s+statements?|safe\s+harbor\s+statement"
        # a footer's contact address: "Contact: the.punch@punchng.com"
        r"|contact(?:\s+us)?\s*:\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
        # blog-platform footers: "Powered by Blogger.", "Theme: Twenty Ten by WordPress."
        r"|(?:proudly\s+)?powered\s+by\s+(?:blogger|wordpress|drupal|joomla|typepad"
        r"|movable\s+type|squarespace|wix|ghost|tumblr)(?:\.com|\.org)?"
        r"|theme:?\s+.{2,60}\s+by\s+.{2,60}|wordpress\.org|(?:entries|comments)\s+(?:\(rss\)|rss)"
        # "Blog at WordPress.com. Theme: Twenty Ten.", "Theme by Anders Noren." (QA pass 34)
        r"|blog\s+at\s+wordpress\.com(?:\W+theme:?\s+.{2,60})?|theme:?\s+twenty\s+[a-z]+(?:[\s-][a-z]+)?"
        r"|theme\s+by\s+[\w.&'’ -]{2,40}"
        r"|rss\s+feed\s+for\s+comments\s+on\s+this\s+post"
        # a link to the newsroom's standards: "Our Standards: The Trust Principles.", "Our
        # Standards & Practices" (not "Our standards", a heading as often)
        r"|our\s+(?:editorial\s+)?standards(?:\s*:.{1,80}|\s+(?:&|and)\s+practices)"
    ),
    "ad": (
        r"advertisement|advertising|sponsored(?:\s+(?:content|links?|stories|posts?))?|ad|ads"
        r"|promoted(?:\s+(?:links?|stories|content))?|paid\s+(?:content|posts?|links?)"
        # the recommendation widgets' credit: "Promoted Links by Taboola", "Recommended by Outbrain"
        r"|(?:(?:promoted|sponsored)\s+(?:links?|stories|content)|recommended|promoted)\s+by\s+"
        r"(?:taboola|outbrain|revcontent|zergnet|mgid)"
        # sponsor labels: "Sponsored by Acme Bank", "In partnership with Acme", "Content from our partner"
        r"|(?:sponsored\s+by|in\s+partnership\s+with|brought\s+to\s+you\s+by|paid\s+for\s+by"
        # the sponsor a name ("Sponsored by Acme Bank"), not "Paid for by the taxpayer"
        r"|(?:advertiser|partner|branded)\s+content(?:\s+(?:from|by))?)\s+(?:the\s+)?"
        r"(?-i:[A-Z0-9][\w&'’.-]*)(?:\s+(?:(?-i:[A-Z0-9&][\w&'’.-]*)|of|and|for|the|&)){0,6}"
        r"|(?:advertiser|partner|branded)\s+content|content\s+from\s+(?:our\s+)?(?:partners?|sponsors?)"
        r"|(?:the\s+)?(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this|the))?"
        r"(?:\s+(?:advertisement|advert|ad))?|scroll\s+to\s+continue(?:\s+with\s+content)?"
        # an ad break's label: "Advertisement - Scroll to continue", "Continue reading below"
        r"|(?:advertisement|advert|ad)\s*[-–—:|]\s*(?:scroll\s+(?:down\s+)?to\s+continue(?:\s+reading)?"
        r"|continue\s+reading(?:\s+below)?)|continue\s+reading\s+below(?:\s+(?:the\s+)?(?:ad|advertisement))?"
        r"|anzeige|publicité|publicidad|reklam"
        # a price widget's heading: "Today's best Corvane Pulse 3 deals", "Best daily deals"
        r"|today['’]s\s+best\s+(?:\S+\s+){0,6}?deals|best\s+(?:\S+\s+){0,6}?deals\s+today|best\s+daily\s+deals"
    ),
    "section": rf"(?:{_SECTION})(?:\s+news)?",
    "contact": (
        # a press release's contact block: "Media contact: Laura Chen, GreenGrid Energy, (510)
        # 555-0177", "Press Inquiries", "Investor Relations", and PR Newswire's closing line
        # "SOURCE GreenGrid Energy Inc." (the company's name, not an all-caps heading)
        rf"{_PRESS_CONTACT}(?:\s*[:–—-]\s*.{{2,200}})?"
        r"|(?-i:SOURCE\s+[A-Z][\w&'’.-]*[a-z][\w&'’.,()-]*(?:\s+[\w&'’.,()-]+){0,7})"
    ),
    "notice": (
        r"(?:please\s+)?(?:enable|turn\s+on)\s+javascript.*|javascript\s+is\s+(?:disabled|required).*"
        r"|your\s+browser\s+does\s+not\s+support.*|loading\.*|please\s+wait\.*"
        # a CMS shortcode the page did not render ("[CTA_MODULE]", "[convertkit form=1630175]",
        # "[/caption]"; the line cue's opening takes the bracket, which must open the line): a
        # name with an underscore or with attributes, or a WordPress media tag; not "[Applause]",
        # a reference "[12]" or a Rust attribute "#[no_mangle]"
        r"|(?:(?<=^\[)|(?<=^\[/))(?:[a-z][a-z0-9]*_[a-z0-9_]+|[a-z][a-z0-9_-]*(?:\s+[a-z_-]+=[^\]\n]*)+"
        r"|caption|gallery|embed|playlist)(?:\s+[a-z_-]+=[^\]\n]*)*\]"
        # a template's placeholder the page did not fill: "{{ newsletter_signup_form }}",
        # "{% include 'ads/sidebar.html' %}" (a whole line; the opening takes the braces)
        r"|(?:(?<=\{)|(?<=\{\s))[a-z_][\w.]*[_.][\w.]*(?=\s?\}\}$)|(?<=%)\s*(?:include|block|render)\b[^%\n]{0,80}(?=%\}$)"
    ),
    "cookie": (
        r"(?:manage\s+|accept\s+(?:all\s+)?|reject\s+(?:all\s+)?|allow\s+(?:all\s+)?)?cookies?"
        r"(?:\s+(?:policy|settings|preferences|consent|notice))?"
        # a consent banner's buttons, in the languages of its banners: "Accept all", "Alle
        # akzeptieren", "Tout refuser", "Aceptar todas", "Akceptuję", "Zgadzam się"
        r"|(?:accept|reject|allow|decline)\s+all|(?:alle\s+)?(?:akzeptieren|ablehnen|zulassen)"
        r"|(?:tout\s+)?(?:accepter|refuser)(?:\s+tout)?|(?:aceptar|rechazar)(?:\s+todas?)?"
        r"|(?:accetta|rifiuta)(?:\s+tutt[oi])?|(?:alles\s+)?(?:accepteren|weigeren)"
        r"|(?:aceitar|rejeitar)(?:\s+todos)?|akceptuj[eę]|zgadzam\s+się|godkänn(?:\s+alla)?"
        r"|hyväksy(?:\s+kaikki)?|(?:tümünü\s+)?(?:kabul\s+et|reddet)|souhlasím|принять(?:\s+все)?"
        # (and "Αποδοχή όλων", "Acceptă toate", "Prihvati sve", "Prijať všetko", "Přijmout vše",
        # "Sprejmi vse", "Приемам", "Összes elfogadása", "Accepter alle", "Acceptera alla")
        r"|(?:αποδοχ[ήη]|απόρριψη)(?:\s+όλων)?|αποδέχομαι|(?:acceptă|accept|refuz[ăa])\s+(?:tot|toate)"
        r"|sunt\s+de\s+acord|(?:prihvati|odbij)(?:\s+sve)?|prihvaćam|(?:prijať|odmietnuť)(?:\s+všetk[oy])?"
        r"|súhlasím|(?:přijmout|odmítnout)(?:\s+vše(?:chny)?)?|(?:sprejmi|zavrni)(?:\s+vse)?|sprejmem"
        r"|strinjam\s+se|приемам|(?:приеми|откажи)(?:\s+всички)?|elfogadom|(?:összes\s+)?elfogadása"
        r"|(?:accepter|afvis|godta|avvis)\s+alle|(?:acceptera|neka|avvisa)\s+alla"
        # a consent dialog's heading and settings button: "We value your privacy", "Manage
        # preferences", "Einstellungen verwalten", "Tercihleri yönet"
        r"|(?:we\s+value\s+your\s+privacy|your\s+privacy\s+(?:is\s+important\s+to\s+us|matters))"
        r"|ihre\s+privatsphäre\s+ist\s+uns\s+wichtig|votre\s+vie\s+privée\s+(?:est\s+importante|nous\s+importe)"
        r"|gizliliğiniz\s+bizim\s+için\s+önemli(?:dir)?"
        r"|manage\s+(?:preferences|options|choices|consent)|(?:einstellungen|optionen)\s+verwalten"
        r"|gérer\s+(?:les\s+)?(?:préférences|options)|gestionar\s+(?:preferencias|opciones)"
        r"|tercihleri\s+yönet"
        # its closing buttons: "Accept and close", "Aceptar y cerrar", "Continuer sans accepter"
        r"|(?:accept|aceptar|accepter|accetta|aceitar|akzeptieren)\s+(?:and|y|et|e|und)\s+"
        r"(?:close|cerrar|fermer|chiudi|fechar|schließen)"
        r"|(?:continue|continuer|continuar|continua|weiter)\s+(?:without|sans|sin|senza|sem|ohne)\s+"
        r"(?:accepting|agreeing|accepter|aceptar|accettare|aceitar|(?:zu\s+)?(?:akzeptieren|zustimmen)"
        r"|zustimmung|einwilligung)"
    ),
}

# a travel disclosure's writer: "The writer", "Our correspondent"
_WRITER = r"(?:the\s+(?:writer|author|reporter|journalist)s?|our\s+(?:writer|reporter|correspondent))"

# ----- phrase cues (anywhere in a line of at most MAX_PHRASE_CUE_CHARS that attributes no words) ---
# A cookie word: in a Latin script between non-letters (also beside Chinese letters, which
# "使用cookie来" glues it to), else as it is ("クッキー", "कुकीज़", "ملفات تعريف الارتباط").
# "cookie" in any inflection: its plural, a suffix after a hyphen (Romanian "cookie-uri",
# "cookie-urile", Hungarian "cookie-k", "cookie-kat") or a compound ("cookiebeleid",
# "Cookie-Einstellungen" stops at its hyphen); and the words for it of languages that translate
# it (Croatian "kolačići", Slovene "piškotki", Bulgarian "бисквитки", Turkish "çerezler",
# Afrikaans "koekies", Swahili "vidakuzi", Malay and Hausa "kuki(s)" in lower case, as the Kuki
# people's name is not, Hebrew "עוגיות", Persian and Urdu "کوکی"...).
_COOKIE = (r"(?:(?<![a-z])(?:cookie-(?:uri|k)\w*|cookie\w*|çerez(?:ler)?\w*|kakor|eväste\w*"
           r"|sütik\w*|kolačić\w*|piškotk\w*|ciastecz\w*|galetes|informasjonskapsl\w*|slapuk\w*"
           r"|küpsis\w*|sīkdatn\w*|koekie\w*|vidakuzi|(?-i:kuki)\w*|vafrakök\w*|amakhukhi|cwcis"
           r"|fianá\w*)(?![a-z])"
           r"|クッキー|куки|бисквитк|колачи|쿠키|कुकी|ملفات\s+(?:تعريف\s+)?الارتباط|كوكيز|الكوكيز|کوکی"
           r"|עוגי|คุกกี้|কুকি|குக்கீ|ኩኪ|ქუქი(?:-ფაილ\w*)?|թխուկ)")
# Banner wording near it. "this site" as a banner says it ("this site uses", "use this site"),
# not as a place ("the bakery on this site used to make cookies"); a policy is a privacy or
# cookie one, not "the school's new policy bans cookies".
_SITE = r"(?:web\s*)?site"
_BANNER = (
    r"(?:\b(?:(?:this|our)\s+" + _SITE + r"\s+(?:uses|may\s+use|is\s+using|stores|sets|places)"
    r"|(?:use|using|browse|browsing|visit|visiting)\s+(?:this|our|the)\s+" + _SITE
    + r"|(?:este|esta|ce|cette|questo|diese|unsere|bu|deze|onze|ten|ta|naszej)\s+"
    r"(?:web\s*)?(?:site|sitio|sito|seite|strona|stronie|serwis|pagina|página|portal)"
    r"|sitemiz\w*|we\s+(?:use|and\s+our|may\s+use|'d\s+like)|wir\s+(?:verwenden|nutzen|und\s+unsere)"
    r"|verwendet|nous\s+(?:utilisons|et\s+nos)|utilise|utilizamos|utilizziamo|utilizza|usamos|utilitzem"
    r"|(?:wij|we)\s+gebruiken|gebruikt|używa\w*|vi\s+(?:bruger|bruker|använder)|použív\w*"
    r"|folosim|kasutame|naudojame|izmantojam|használ\w*|käytämme|используем|использует"
    r"|menggunakan|sử\s+dụng|kullan\w*|ortaklarımız"
    # the web site, its use of cookies and the reader's consent in the other languages of the
    # EU: Romanian "Acest site folosește / utilizează cookie-uri ... sunteți de acord", Greek
    # "Αυτός ο ιστότοπος χρησιμοποιεί cookies ... αποδέχεστε", Croatian "Ova web stranica koristi
    # kolačiće ... pristajete", Slovak "Táto webová stránka používa súbory cookie ... súhlasíte",
    # Slovene, Bulgarian and the Baltic languages
    r"|acest\s+site|site-ul\w*|folose\w*|utilizeaz\w*|utiliz[aă]m|de\s+acord|acceptați|acceptarea"
    r"|acceptă\w*|consim[țţt][ăa]m[âa]nt\w*|confiden[țţt]ialitat\w*"
    r"|ιστότοπ\w*|ιστοσελίδ\w*|χρησιμοποι\w*|αποδ[εέ]χ\w*|αποδοχ\w*|συναίνεσ\w*|συγκατάθεσ\w*"
    r"|απορρ[ήη]τ\w*|πολιτική"
    r"|(?:web\s+|internetsk\w+\s+|mrežn\w+\s+)?stranic\w*|korist\w*|prihva[ćt]\w*|pristaje\w*"
    r"|pristan\w*|privol\w*|spletn\w+\s+(?:stran|mest)\w*|uporablja\w*|strinja\w*|soglas\w*"
    r"|webov\w+\s+(?:stránk|sídl)\w*|súhlas\w*|súkromi\w*"
    r"|уеб\s*сайт\w*|сайт\w*|използва\w*|съглас\w*|прием\w*|поверителност\w*"
    r"|svetain\w*|naudoj\w*|sutin\w*|sutikim\w*|vietn[eēiu]\w*|izmanto\w*|piekr\w*|veebileh\w*"
    r"|kasuta\w*|nõus\w*"
    # and further afield, as a banner says it: "this site" (a demonstrative, before or after the
    # noun), "we use", or its button, "accept all" (not the bare verb "uses" or noun "websites"
    # of news prose about cookies, "nettsteder bruker informasjonskapsler uten samtykke"):
    # Afrikaans, Swahili, Tagalog, the Nordic languages, Malay, Catalan, Basque, Albanian,
    # Macedonian, Hausa, Yoruba, Zulu, Maltese, Welsh, Irish, Azerbaijani
    r"|hierdie\s+webwerf|ons\s+gebruik|aanvaar\s+alles|tovuti\s+hii|tunatumia|kubali\s+zote"
    r"|website\s+na\s+ito|tanggapin\s+lahat|(?:denne|dette)\s+(?:nett|web|hjemme)\w*"
    r"|(?:denna|den\s+här)\s+webbplats\w*|godta\s+alle|accepter(?:a)?\s+(?:alle|alla|cookies)"
    r"|tämä\s+sivusto|þessi\s+vef\w*|við\s+notum|samþykkja\s+allt|laman\s+web\s+ini|kami\s+menggunakan"
    r"|terima\s+semua|aquest\s+lloc\s+web|webgune\s+honek|onartu\s+guztiak|kjo\s+faqe|ne\s+përdorim"
    r"|prano\s+të\s+gjitha|оваа\s+веб-страница|користиме|прифати\s+ги\s+сите|wannan\s+shafin"
    r"|karɓi\s+duka|wẹẹbu\s+yii|le\s+webhusayithi|yamukela\s+konke|dan\s+is-sit|aċċetta\s+kollox"
    r"|wefan\s+hon|derbyn\s+y\s+cyfan|suíomh(?:\s+gréasáin)?\s+seo|glac\s+le\s+gach|bu\s+sayt"
    r"|hamısını\s+qəbul"
    # "accept" as a banner asks it ("Accept cookies", "you accept the use of"), not "accept cash"
    r"|(?:accept(?:ance|ing)?|(?:i|you|to)\s+accept)\s+(?:all|the\s+use|our|these|cookies?)"
    r"|i\s+accept\s*[.!]?$"
    r"|akzept\w*|akceptuj\w*|acept\w*|aceit\w*|accett\w*|akkoord|zgod\w*"
    r"|godkänn\w*|hyväksy\w*|souhlas\w*|kabul\w*|consent\w*|zustimm\w*|consentement|consenso"
    r"|menyetujui|đồng\s+ý|you\s+agree"
    r"|(?:cookie|privacy|data(?:\s+protection)?|our)\s+policy|pol[ií]tica|politique|politik\w*"
    r"|richtlinie|settings|einstellungen|paramètres|preferences"
    r"|privacy|datenschutz|gdpr|kvkk|rgpd|dsgvo|lgpd|browsing\s+experience"
    # the IAB consent framework's sentence: "store and/or access information on a device"
    r"|(?:on|to)\s+(?:a|your)\s+device|auf\s+ihrem\s+gerät|sur\s+votre\s+appareil"
    r"|en\s+su\s+dispositivo|sul\s+tuo\s+dispositivo|op\s+uw\s+apparaat|and/or|und/oder|et/ou|y/o|ve/veya|en/of|i/lub)\b"
    # in scripts that \b does not divide: "使用", "同意", "使用しています", "उपयोग", "يستخدم"
    r"|使用|同意|当サイト|本网站|本站|사용|동의|उपयोग|सहमत|يستخدم|توافق|سياسة\s+الخصوصية"
    r"|این\s+وب\W?سایت|پذیرفتن\s+همه|یہ\s+ویب\s+سائٹ|سب\s+قبول|אתר\s+זה|אנו\s+משתמשים|เว็บไซต์นี้"
    r"|ยอมรับทั้งหมด|এই\s+ওয়েবসাইট|সব\s+গ্রহণ|இந்த\s+இணையதள|ይህ\s+ድህረ\s+ገጽ|ሁሉንም\s+ተቀበል"
    r"|ეს\s+ვებსაიტი|ყველას\s+მიღება|այս\s+կայք|ընդունել\s+բոլոր)"
)
# (kind, trigger substrings of the lower-cased text, regex): one row per kind. No trigger holds
# another (a test checks it), so at a place at most one trigger matches and the search, which
# takes the first alternative listed that matches, hides none; triggers that overlap ("download
# our", "our app") belong to one row, whose line the first already marks.
# After a copyright notice's year: no sentence running on for six words or more ("The book, ©
# Penguin Random House 2019, was quoted ...", "Copyright 2013, the court heard, belonged to
# ..."); a footer's "© 2011, unless noted otherwise" is short, and its "© 2013, reproduction
# without permission is prohibited" speaks of rights.
_NO_SENTENCE_AFTER_YEAR = (r"(?!\d|,\s+(?-i:[a-z])"
                           r"(?!.*\b(?:rights|reserved|permission|reproduc|redistribut|licen[cs]))"
                           r"\S*(?:\s+\S+){5})")

PHRASE_CUES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("cookie",
     ("cookie", "çerez", "kakor", "eväste", "süti", "kolačić", "piškot", "ciastecz", "galetes", "бисквитк",
      "informasjonskaps", "slapuk", "küpsis", "sīkdatn", "koekie", "vidakuzi", "kuki", "vafrakök",
      "amakhukhi", "cwcis", "fianá", "クッキー", "куки", "колачи", "쿠키", "कुकी", "الارتباط", "كوكيز",
      "کوکی", "עוגי", "คุกกี้", "কুকি", "குக்கீ", "ኩኪ", "ქუქი", "թխուկ"),
     rf"{_COOKIE}[^.!?\n]{{0,60}}{_BANNER}|{_BANNER}[^.!?\n]{{0,60}}{_COOKIE}(?!-)"),
    ("comments",
     ("email address will", "required fields", "save my name", "notify me of", "logged in to",
      "to post comments",
      "akismet", "leave a response", "responses to this entry", "pings are", "star rating",
      "nicht veröffentlicht", "no será publicad", "ne sera pas publi", "non sarà pubblicat",
      "não será publicad", "pflichtfelder", "campos obligatorios", "champs obligatoires",
      "campi obbligatori", "campos obrigatórios"),
     r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
     r"|save\s+my\s+name,?\s+email,?\s+and\s+website|notify\s+me\s+of\s+(?:follow-?up\s+comments"
     r"|new\s+posts)|you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment"
     # Drupal's "Login or register to post comments"
     r"|\b(?:log\s*in|sign\s+in)\s+or\s+register\s+to\s+post\s+comments\b"
     r"|this\s+site\s+uses\s+akismet|you\s+can\s+(?:skip\s+to\s+the\s+end\s+and\s+)?leave\s+a\s+response"
     r"|follow\s+any\s+responses\s+to\s+this\s+entry|(?:comments|responses)\s+and\s+pings\s+are"
     r"\s+(?:currently\s+)?closed"
     # a recipe card's rating prompt: "Made this? Leave a star rating further down!" (not an
     # author's closing question, "Let me know in the comments below!": the WCXB annotators
     # keep that as the text's own)
     r"|\bleave\s+a\s+star\s+rating\b"
     # the comment form's notices in other languages: "Ihre E-Mail-Adresse wird nicht
     # veröffentlicht.", "Tu dirección de correo electrónico no será publicada.", "Votre adresse
     # e-mail ne sera pas publiée.", "Il tuo indirizzo email non sarà pubblicato.", "O seu
     # endereço de e-mail não será publicado.", and "Pflichtfelder sind mit * markiert"
     r"|\be-?mail-adresse\s+wird\s+nicht\s+veröffentlicht|\bcorreo\s+electrónico\s+no\s+será\s+publicad"
     r"|\badresse\s+(?:e-?mail|(?:de\s+)?messagerie|courriel)\s+ne\s+sera\s+pas\s+publiée"
     r"|\bindirizzo\s+e-?mail\s+non\s+sarà\s+pubblicato|\bendereço\s+de\s+e-?mail\s+não\s+será\s+publicado"
     r"|\bpflichtfelder\s+sind\s+(?:mit\s+\S+\s+)?(?:markiert|gekennzeichnet)"
     r"|\bcampos\s+obligatorios\s+(?:están|se\s+han)\s+marcad|\bchamps\s+obligatoires\s+sont\s+indiqués"
     r"|\bcampi\s+obbligatori\s+sono\s+(?:contrassegnati|segnati)|\bcampos\s+obrigatórios\s+(?:estão|são)"
     r"\s+marcados"),
    # newsletter prompts, newsletters by other names ("Sign up for our morning briefing"), paywall
    # meters ("You've read 3 of 5 free articles", "To continue reading, please subscribe"), app
    # prompts ("Download our app for ...", "Read this story in our app")
    ("subscribe",
     ("subscri", "sign up", "newsletter", "inbox", "full archive", "unlock", "the latest",
      "free articles", "free stories", "article limit", "story limit", "continue reading", "our app", "our free app", "download our",
      "to members", "for members", "boletín", "nieuwsbrief", "anmeldung", "registrierung",
      "al suscribi", "al registrar", "inscrivant", "abonnant", "iscrivendoti", "cliccando su",
      "en cliquant sur", "al hacer clic", "al pulsar", "ao clicar", "ao subscrever", "ao se inscrever",
      "ao se cadastrar", "ao cadastrar", "ao registar", "ao registrar",
      "signing up", "by entering", "by clicking", "by submitting", "by registering", "enjoyed this", "enjoy this", "if you value",
      "if you enjoy", "if you like", "if you appreciate", "if you rely", "journalism",
      "keep publishing", "continue publishing", "keep reporting", "continue reporting",
      "gift today", "donation today", "gift now", "donation now", "patreon", "ko-fi",
      "buy me a coffee", "lesen sie weiter", "lesen sie jetzt weiter", "abonnez-vous",
      "assine", "suscríbete", "abbonati", "für abonnenten", "aux abonnés", "para suscriptores",
      "para assinantes", "cadastre-se", "inscreva-se", "iscriviti",
      "inscríbete", "regístrate", "melde dich an",
      "news tip", "story tip", "a story?", "a tip?", "send us your", "tell us about", "get involved",
      "get in touch", "email us", "e-mail us", "story for us"),
     r"\bsubscribe\s+(?:now\s+)?to\s+(?:get|keep\s+reading|receive|continue)"
     r"|\bsign\s+up\s+(?:for|to)\s+(?:our|the|a)\s+(?:free\s+)?(?:[\w-]+\s+){0,3}newsletter"
     r"|^\W*get\s+(?:our|the)\s+(?:free\s+)?(?:[\w-]+\s+){0,3}newsletters?\b"
     r"|\bsubscribe\s+to\s+(?:our|the)\s+(?:free\s+)?(?:\w+\s+)?(?:newsletter|channel|podcast)"
     r"|\bget\s+the\s+latest\s+(?:news|posts|updates|stories|articles|headlines)\s+"
     r"(?:delivered|sent|straight|in\s+your)|\bget\s+access\s+to\s+the\s+full\s+archive"
     r"|\bthis\s+(?:article|content|story)\s+is\s+(?:only\s+)?(?:available\s+)?(?:for|to)\s+"
     r"(?:subscribers|members)|\bunlock\s+(?:full|unlimited)\s+access\b"
     r"|\bdelivered\s+(?:straight\s+|directly\s+)?to\s+your\s+inbox\b"
     r"|\bsign\s+up\s+(?:for|to)\s+our\s+(?:free\s+)?(?:[\w-]+\s+){0,2}(?:briefing|bulletin|digest"
     r"|email|alerts?)\b"
     # the whole line a call to sign up: "Sign up for weather alerts"
     r"|^\W*sign\s+up\s+(?:for|to)\s+(?:[\w-]+\s+){0,2}(?:alerts|briefings?|bulletins?|digests?|emails)\W*$"
     r"|\byou(?:['’]ve|\s+have)\s+read\s+(?:all\s+|\d+\s+(?:of\s+)?)?(?:your\s+|\d+\s+)?free\s+"
     r"(?:articles|stories)"
     # "You have reached your limit of free articles", "Your free article limit has been
     # reached", "Subscribe today for unlimited access to ..."
     r"|\byou(?:['’]ve|\s+have)\s+reached\s+(?:your|the)\s+(?:monthly\s+)?(?:limit|maximum)\s+of\s+"
     r"(?:\d+\s+)?free\s+(?:articles|stories)|\bfree\s+(?:article|story)\s+limit\b"
     r"|\bsubscribe\s+(?:today|now)\s+(?:for|to\s+get)\s+(?:unlimited|full)\s+(?:digital\s+)?access\b|\bto\s+continue\s+reading,?\s+(?:please\s+)?(?:subscribe|sign\s+in"
     r"|log\s*in|register|become\s+a)"
     r"|\bdownload\s+our\s+(?:free\s+)?(?:\w+\s+)?app\b"
     r"|\bread\s+(?:this|the\s+full)\s+(?:story|article)\s+in\s+our\s+(?:free\s+)?app\b"
     # in other languages: "Melden Sie sich für unseren Newsletter an", "Inscrivez-vous à notre
     # newsletter", "Suscríbete a nuestro boletín", "Schrijf je in voor onze nieuwsbrief"
     r"|\b(?:melden\s+sie\s+sich|abonnieren\s+sie|inscrivez-vous|abonnez-vous|suscr[ií]bete"
     r"|apúntate|iscriviti|assine|inscreva-se|schrijf\s+je\s+in|meld\s+je\s+aan)\b[^.!?\n]{0,40}"
     r"\b(?:newsletter|boletín|nieuwsbrief)"
     # ... and the other way round: "Wohnglück-Newsletter: Jeden Freitag neue Ideen – jetzt
     # kostenlos abonnieren!"
     r"|\b(?:newsletter|boletín|nieuwsbrief)\b[^.!?\n]{0,80}\b(?:jetzt\s+)?(?:kostenlos\s+)?"
     r"(?:abonnieren|anmelden|apúntate|suscr[ií]bete|inscrivez-vous|iscriviti)\b"
     # ... or with where it arrives or the button: "Der Politik-Newsletter: Jeden Abend die
     # wichtigsten Nachrichten direkt in Ihr Postfach.", "Receba a newsletter no seu email",
     # "Newsletter « La Lettre » : chaque soir, l'essentiel. S'inscrire"
     r"|\b(?:newsletter|boletín|nieuwsbrief)\b[^\n]{0,120}\b(?:in\s+(?:ihr|dein)\s+(?:e-mail-)?postfach"
     r"|dans\s+votre\s+boîte|en\s+tu\s+(?:bandeja\s+de\s+entrada|correo|e-?mail)"
     r"|nella\s+tua\s+(?:casella|inbox|e-?mail)|no\s+seu\s+(?:e-?mail|correio))\b"
     r"|\bnewsletter\b[^\n]{0,160}\bs['’]inscrire\W*$"
     # a sign-up call of other languages with what it costs or sends: "Cadastre-se e receba
     # nossas dicas no seu e-mail", "Ricevi ogni settimana le nostre ricette: iscriviti gratis!"
     r"|(?:^|[.!?:]\s+)(?:cadastre-se|inscreva-se|iscriviti|inscríbete|regístrate|melde\s+dich\s+an)\b"
     r"[^.!?]{0,80}\b(?:e-?mail|gratis|grátis|gratuitamente|kostenlos|newsletter)\b"
     # and the sign-up form's consent: "Mit deiner Anmeldung akzeptierst du unsere
     # Datenschutzhinweise.", "Al suscribirte aceptas la política de privacidad", "Ao subscrever,
     # aceita os Termos", "Cliccando su «Iscriviti» dichiari di aver letto l'informativa"
     r"|^\W*(?:mit\s+(?:deiner|ihrer|der)\s+(?:anmeldung|registrierung)|al\s+(?:suscribirte|suscribirse"
     r"|registrarte|registrarse)|en\s+vous\s+(?:inscrivant|abonnant)|iscrivendoti"
     r"|ao\s+(?:subscrever|se\s+(?:inscrever|cadastrar)|cadastrar-se|regist(?:r)?ar-se)"
     r"|(?:cliccando\s+su|en\s+cliquant\s+sur|al\s+(?:hacer\s+clic|pulsar)\s+en|ao\s+clicar\s+em))"
     # (the reader's verb, Italian "accetti", "dichiari", not "il lettore accetta", and the terms
     # or privacy policy: "Ao subscrever o acordo, o governo aceita pagar" is news)
     r"\b[^.!?]{0,30}?\b(?:akzeptier|stimm|acept|accept|accetti|acconsenti|dichiari|aceit|consent|concord)"
     r"[^\n]{0,80}?\b(?:datenschutz|agb|nutzungsbedingungen|bedingungen|pol[íi]tica|privac|privacy"
     r"|condiciones|condi[çc][õo]es|termos|t[ée]rminos|conditions|confidentialit|informativa|termini)"
     # a sign-up form's thanks and consent: "Thanks for subscribing!", "By entering your email
     # address you agree to our Terms of Use and Privacy Policy"
     r"|^\W*thanks?(?:\s+you)?\s+for\s+(?:subscribing|signing\s+up)(?:\s+(?:to|for)\s+(?:our|the)\b[^.!?,]{0,40})?"
     r"\s*(?:[.!]|$)"
     r"|^\W*by\s+(?:entering\s+your\s+(?:e-?mail(?:\s+address)?|details)|signing\s+up|subscribing|registering"
     r"|(?:clicking|submitting)\s+[^,.!?]{1,30}?),?\s+(?:(?:you|i)\s+)?(?:agree|consent|acknowledge)"
     # a reader-funding appeal: "Enjoyed this piece? We need your help to keep publishing.", "If
     # you value our reporting, please consider a donation", "Support independent journalism"
     r"|^\W*(?:did\s+you\s+)?enjoy(?:ed)?\s+this\s+(?:piece|article|story|post|read|newsletter"
     r"|podcast|episode)\s*\?"
     r"|^\W*if\s+you\s+(?:value|enjoy(?:ed)?|liked?|appreciated?|rely\s+on)\s+(?:our|this|what\s+we)"
     r"\b[^.!?]{0,80}?\b(?:donat|support|subscri|contribut|becom\w*\s+a\s+(?:member|patron|supporter))"
     r"|^\W*(?:please\s+)?(?:support|fund)\s+(?:our|independent|local|quality|nonprofit|non-profit)"
     r"\s+(?:\w+\s+)?(?:journalism|reporting|newsroom)\s*(?:[.!:,—–-]|$|\s+(?:by|with|today|now|and|for)\b)"
     r"|\bwe\s+(?:need|rely\s+on|depend\s+on)\s+(?:your|readers['’]?)\s+(?:help|support|donations?"
     r"|generosity|contributions?)\s+to\s+(?:keep|continue)\s+(?:publishing|reporting)"
     # "Make a tax-deductible gift today", "chip in a few quid on Patreon", "Buy me a coffee"
     r"|\bmake\s+a\s+(?:[\w-]+\s+){0,2}(?:gift|donation)\s+(?:today|now)\b"
     r"|\b(?:chip\s+in|support\s+(?:us|me|this\s+\w+)|become\s+a\s+patron)\b[^.!?]{0,40}\b(?:on|via)\s+"
     r"(?:patreon|ko-fi)\b|^\W*buy\s+me\s+a\s+coffee\b"
     # paywall offers of other languages: "Lesen Sie jetzt weiter mit LT+ – 1 Monat für 0,99 €",
     # "Abonnez-vous pour 1 € le premier mois", "Este artigo é exclusivo para assinantes. Assine
     # já a partir de 1€/mês."
     r"|\blesen\s+sie\s+(?:jetzt\s+)?weiter\s+mit\b"
     r"|(?:^|[.!?:]\s+)(?:abonnez-vous|assine(?:\s+já)?|suscríbete|abbonati|jetzt\s+abonnieren)\s+"
     r"(?:(?:dès|pour|a\s+partir\s+de|desde|por|ab|für|per|da)\s+)?(?:€\s*)?\d[\d,.]*\s*(?:€|euros?)"
     r"|\b(?:article|contenu|artículo|contenido|articolo|contenuto|artigo|conteúdo|artikel|beitrag|inhalt)\s+"
     r"(?:est\s+|es\s+|è\s+|é\s+|ist\s+)?(?:nur|exclusivo|exclusivamente|riservato|réservé|reservado)\s+"
     r"(?:für\s+abonnenten|aux\s+abonnés|para\s+(?:suscriptores|assinantes)|agli\s+abbonati)\b"
     # a call for readers' stories, tips and pictures: "Have a news tip? Email us at ...", "Got
     # a story? ...", "Send us your pictures and videos", "Get involved: ...", "Have you lost a
     # loved one? Tell us about them. Email obituaries@...", "Were you there? Email us at
     # news@..." (a question to the reader, then the call to write in; not a firm's "Do you want
     # an app? Contact us")
     r"|^\W*(?:have|got)\s+a\s+(?:news\s+|story\s+)tip\b"
     r"|^\W*(?:do\s+you\s+have\s+|have\s+you\s+got\s+|have\s+|got\s+)a\s+(?:news\s+)?(?:story|tip)"
     r"(?:\s+(?:for\s+us|idea))?\s*\?"
     r"|\bsend\s+us\s+your\s+(?:\w+\s+)?(?:pictures|photos|photographs|videos|footage|stories|story|news"
     r"|tips?|experiences?|questions)\b"
     r"|^\W*get\s+(?:involved|in\s+touch)\s*:"
     r"|^\W*(?:have|are|were|did|do)\s+you\b[^?\n]{3,120}\?\s*(?:tell\s+us\s+about\b"
     r"|(?:e-?mail|contact)\s+us\s+(?:at|on)\s+[\w.+-]+@|(?:please\s+)?get\s+in\s+touch\b[^\n]{0,60}@)"),
    # affiliate disclosures ("We may earn a commission ...", "This post contains affiliate
    # links"), sponsored-story credits and a shopping guide's price notices
    ("ad",
     # (not "commission" alone: "European Commission" would search every such line)
     ("affiliate", "a commission", "small commission", "earn commission", "receive commission",
      "get commission", "make commission",
      "share of sales", "share of the sales", "share of revenue", "share of the revenue",
      "amazon associate", "accurate at", "correct at", "accurate as of", "correct as of",
      "correct on the date", "accurate on the date", "prices and availability",
      "prices & availability", "referral fee", "small cut", "small payment", "disclosure",
      "afiliaci", "afiliado", "affiliation", "affiliés", "link affiliati", "in partnership",
      "provision", "comisión", "une commission", "commissione", "comissão", "petite commission",
      "lien est affilié", "affiliato amazon", "partenaire amazon",
      "amazon-partner", "associado da amazon", "associada da amazon",
      "in collaboration", "made possible", "grant from", "funding from", "series", "supported by",
      "funded by", "sponsored by", "underwritten by"),
     r"(?:^|[.!?:;,]\s+(?:and\s+)?)(?:we|i)\s+(?:may\s+|might\s+|will\s+|could\s+)?(?:earn|receive|get"
     r"|make|be\s+paid)\s+(?:an?\s+)?(?:small\s+)?(?:commission|referral\s+fee|share\s+of\s+(?:the\s+)?"
     r"(?:sales|revenue))"
     # from the reader's purchases ("... when you buy through links on our site"), not a deal's
     r"[^.!?]{0,80}\b(?:links?|purchases?|(?:when|if)\s+you|you\s+(?:buy|click|purchase|shop))\b"
     # the same after the reader's purchase: "When you buy through links on our site, we may earn
     # an affiliate commission", "Purchases made through our links may earn us a commission"
     r"|\b(?:buy|purchas|shop|click)\w*\s+(?:\w+\s+)?(?:through|via|from|using)\s+(?:one\s+of\s+)?"
     r"(?:our|the|these|this|them|links|affiliate\s+links)\b[^.!?]{0,60}?\b(?:earn|receive|get|make)s?\s+"
     r"(?:us\s+)?(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|referral\s+fee|cut|payment)"
     r"|\bmay\s+earn\s+us\s+(?:an?\s+)?(?:small\s+)?(?:affiliate\s+)?(?:commission|payment|cut|fee)"
     # in other languages: "Dieser Beitrag enthält Affiliate-Links", "En este artículo hay enlaces
     # de afiliación", "liens d'affiliation", "link affiliati", "links de afiliados"
     r"|\benthält\s+(?:\w+\s+)?affiliate-?links|\benlaces\s+(?:de\s+)?afilia(?:ción|cion|d[oa]s?)\b"
     # ... "Algunos de los enlaces de este artículo son afiliados", "Wir erhalten eine Provision,
     # wenn Sie über die Links einkaufen", "recibimos una pequeña comisión", "nous percevons une
     # commission", "riceviamo una commissione", "recebemos uma comissão"
     r"|\benlaces\b[^.!?]{0,40}\bson\s+(?:de\s+)?afiliad"
     r"|\b(?:wir\s+(?:erhalten|bekommen)|(?:erhalten|bekommen)\s+wir)\s+(?:dafür\s+)?(?:eine\s+)?"
     r"(?:kleine\s+)?(?:provision|vergütung)\b"
     r"|\brecibimos\s+(?:una\s+)?(?:pequeña\s+)?comisión|\b(?:nous\s+(?:percevons|touchons|recevons)|je\s+(?:perçois|touche|reçois))\s+une\s+"
     r"(?:petite\s+)?commission|\bricev(?:iamo|e)\s+una\s+(?:piccola\s+)?commissione"
     r"|\brecebemos\s+uma\s+(?:pequena\s+)?comissão"
     r"|\bliens\s+(?:d['’]\s*affiliation|affiliés)|\blink\s+(?:di\s+affiliazione|affiliati)"
     r"|\blinks\s+de\s+afiliados"
     # a commercial disclosure label opening the line: "Advertiser Disclosure: Many of the offers
     # on this page are from companies that compensate us" (not a bare "Disclosure:", a
     # newsroom's note of its owners' interests), the site's own use of affiliate links
     r"|^\W*(?:affiliate|advertiser|advertising)\s+disclosure\b"
     r"|\b(?:i|we|this\s+(?:site|website|blog|page|post|article))\s+(?:\w+\s+)?(?:uses?|contains?)\s+"
     r"(?:some\s+|a\s+few\s+)?affiliate\s+links"
     # a sponsored story's credit: "This story was produced in partnership with ...", "This
     # article is made possible by a grant from ..."
     r"|^\W*this\s+(?:story|article|report|series|project|coverage|reporting)\s+(?:was|is)\s+"
     r"(?:produced|published|reported|made|supported|funded)?\s*(?:in\s+(?:partnership|collaboration)\s+with"
     r"|possible\s+(?:by|through|thanks\s+to)|(?:with|through)\s+(?:support|funding|a\s+grant)\s+from"
     r"|by\s+a\s+grant\s+from)"
     # ... or supported as part of a series: "This article is part of our series Living With
     # Water, supported by the Community Foundation for Ireland.", "This series is supported by
     # ..."
     r"|^\W*this\s+(?:story|article|piece|report|series|coverage|reporting|podcast|newsletter)\s+(?:is|was)\s+"
     r"(?:part\s+of\s+(?:our|a|the)\s+(?:[^\n,.!?]{1,60}?\s+)?series\b[^\n.!?]{0,60}?,?\s+(?:which\s+is\s+)?)?"
     r"(?:supported|funded|sponsored|underwritten)\s+by\b"
     r"|\bas\s+an\s+amazon\s+associate,?\s+(?:i|we)\s+earn\b"
     # ... and in the programme's other languages: "In qualità di Affiliato Amazon riceviamo un
     # guadagno", "En tant que Partenaire Amazon, je réalise un bénéfice", "Como afiliado de
     # Amazon, gano", "Als Amazon-Partner verdiene ich", and "Ce lien est affilié"
     r"|\bin\s+qualità\s+di\s+affiliato\s+amazon|\ben\s+tant\s+que\s+partenaire\s+amazon"
     r"|\bcomo\s+(?:afiliad[oa]\s+de|associad[oa]\s+da)\s+amazon|\bals\s+amazon-partner\s+verdien"
     r"|^\W*(?:ce\s+lien\s+est\s+affilié|ces\s+liens\s+sont\s+affiliés)\b"
     r"|\b(?:this|the)\s+(?:post|article|page|story|review|guide)\s+(?:may\s+)?(?:contains?|includes?)"
     r"\s+affiliate\s+links"
     # a shopping guide's price notice: "Prices were accurate at the time this article was
     # published", "Prices and availability are subject to change"
     r"|^\W*(?:[\w-]+\s+){0,2}(?:prices?|rates?|figures|details)\s+(?:[\w-]+\s+)?(?:were|are|is|was)\s+"
     r"(?:correct|accurate)\s+(?:at\s+the\s+time\s+(?:of|this|we|it|the)\b|as\s+of|on\s+the\s+date)"
     r"|^\W*(?:all\s+|product\s+)?prices\s+(?:and|&)\s+availability\s+(?:are\s+|were\s+)?(?:correct|accurate"
     r"|subject\s+to\s+change)"
     r"|\blinks\s+(?:above|below|on\s+this\s+page|in\s+this\s+(?:post|article))\s+(?:are|may\s+be)"
     r"\s+affiliate\s+links"),
    # copyright lines, syndication notes opening the line ("This article originally appeared on
    # The Conversation", "This story was first published by ProPublica"; not an editor's note on
    # the date, "This article was originally published in November 2015 and ..."), news-tip
    # lines ("Have a news tip? Email us at ...")
    ("legal",
     ("©", "(c)", "copyright", "rights reserved", "rechte vorbehalten", "droits réservés",
      "derechos reservados", "hakları saklı", "diritti riservati", "originally appeared",
      "originally published", "originally ran", "originally posted", "first appeared",
      "first published", "first ran", "first posted", "republish", "published in",
      "forward-looking", "forward looking", "safe harbor", "reproduction", "may not be published",
      "no part of this", "purposes", "information only", "a substitute",
      "not intended to replace", "not constitute", "not replace", "quotes delayed",
      "quotes are delayed", "data delayed", "data is delayed", "data are delayed", "market data provided",
      "market data powered", "market data supplied",
      "trading name of", "registered in england", "registered office", "corporate site",
      "views expressed", "opinions expressed", "necessarily reflect", "necessarily represent"),
     # (not a notice the article quotes: 'a notice reading "© Helen Draper 2013"')
     r"(?<![\"“‘'«])(?:©[^\n©]{0,60}?\b(?:19|20)\d\d\b|\(c\)\s*(?:19|20)\d\d"
     rf"|\bcopyright\s+(?:©\s*)?(?:19|20)\d\d){_NO_SENTENCE_AFTER_YEAR}"
     # a line of its own with the holder's name only, after "©", before a year or closed by a
     # full stop: "Copyright PUNCH.", "Copyright © Informa Connect 2025" (not a subheading,
     # "Copyright Law", "Copyright Office Rejects Appeal")
     r"|^\W*copyright\s+(?:©\s*(?-i:[A-Z][\w&'’-]*(?:\s+(?:[A-Z0-9&][\w&'’-]*|of|and)){0,6})"
     r"|(?-i:[A-Z][\w&'’-]*(?:\s+(?:[A-Z&][\w&'’-]*|of|and)){0,6})(?:\s+(?:19|20)\d\d|\.))\W*$"
     r"|\ball\s+rights\s+reserved|alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés"
     r"|todos\s+los\s+derechos\s+reservados|tüm\s+hakları\s+saklıdır"
     r"|tutti\s+i\s+diritti\s+riservati"
     r"|^\W*this\s+(?:article|story|post|piece|essay|column|interview)\s+(?:was\s+|is\s+)?"
     r"(?:originally|first)\s+(?:appeared|published|ran|posted)\s+(?:on|in|at|by|with)\s+"
     rf"(?:the\s+)?(?!(?:{MONTH_NAME}|{WEEKDAY}|{_LANGUAGE_NAME})\b|{MONTH_ABBREVIATION}\.?\s)(?-i:[A-Z])"
     r"|^\W*this\s+(?:article|story|post|piece)\s+(?:is|was|has\s+been)\s+republished\s+"
     r"(?:from|with\s+permission|under)\b"
     # an obituary notice's syndication line (Legacy.com): "Published in The Millbrook Sentinel
     # on March 4, 2010", "Published in Daily Herald from Mar. 3 to Mar. 5, 2012"
     r"|^\W*published\s+in\s+(?:the\s+)?(?-i:[A-Z])[^.!?\n]{1,60}?\s+(?:on|from)\s+"
     rf"(?:{WEEKDAY_STEM}\w*\.?,?\s+)?{MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
     rf"(?:\s+to\s+{MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}})?\W*$"
     # a press release's disclaimer: "This press release contains forward-looking statements
     # that involve risks and uncertainties.", "... within the meaning of the safe harbor
     # provisions of the Private Securities Litigation Reform Act"
     r"|\b(?:this|the)\s+(?:press\s+|news\s+)?(?:release|announcement|communication)\s+"
     r"(?:contains|may\s+contain|includes|may\s+include)\s+(?:certain\s+)?[\"“]?forward[\s-]looking"
     r"|\bforward[\s-]looking\s+statements[^.!?]{0,80}\b(?:involve|are\s+subject\s+to)\s+"
     r"(?:a\s+number\s+of\s+|known\s+and\s+unknown\s+|substantial\s+|significant\s+)?risks"
     r"|\bsafe\s+harbor\s+(?:statement|provisions?)\s+(?:of|under)\s+the\s+private\s+securities"
     # a footer's reproduction notice: "Reproduction in whole or in part without permission is
     # prohibited.", "This material may not be published, broadcast, rewritten or
     # redistributed.", "No part of this site may be reproduced without our written permission."
     r"|\breproduction\b[^.!?]{0,60}?\bwithout\s+(?:the\s+|our\s+)?(?:express\s+|prior\s+)?"
     r"(?:written\s+)?permission\s+(?:is\s+)?(?:strictly\s+)?(?:prohibited|forbidden|not\s+permitted)"
     r"|\bmay\s+not\s+be\s+(?:re)?published,?\s+broadcast"
     r"|\bno\s+part\s+of\s+this\s+(?:site|website|publication|page|article)\s+may\s+be\s+"
     r"(?:reproduced|copied|republished)"
     # a disclaimer: "This article is intended for educational and informational purposes
     # only", "... is not a substitute for professional medical advice", "This content does not
     # constitute financial advice" (not a bare "Disclaimer:", which opens asides in the text)
     r"|^\W*(?:the\s+|this\s+|our\s+|all\s+)?(?:article|content|information|post|blog(?:\s+post)?|page"
     r"|site|website|material|story|video|newsletter)s?\s+(?:(?:on|in|of)\s+this\s+\w+\s+|provided\s+)?"
     r"(?:is|are|was|were|has\s+been)\s+(?:intended\s+|provided\s+|written\s+|published\s+)?"
     r"(?:solely\s+|only\s+|purely\s+)?for\s+(?:general\s+)?(?:educational|informational|information"
     r"|entertainment)\s+(?:(?:and|or)\s+\w+\s+)?(?:purposes\s+)?only\b"
     r"|\b(?:is|are)\s+not\s+(?:intended\s+(?:to\s+be\s+|as\s+)?)?(?:a\s+substitute\s+for|to\s+replace)"
     r"\s+(?:the\s+)?(?:professional\s+)?(?:medical\s+|legal\s+|financial\s+|tax\s+)?(?:advice|diagnosis)"
     r"|\bdoes\s+not\s+constitute\s+(?:financial|legal|investment|medical|tax|professional)\s+advice"
     r"|^\W*(?:the|this|our)\s+(?:information|content|article|site|website|page|post|material|guide)\b"
     r"[^.!?]{0,60}\bdoes\s+not\s+replace\s+(?:a\s+|the\s+)?(?:consultation|visit|advice|professional)"
     # a nonprofit newsroom's republishing note: "Republish this article for free under a
     # Creative Commons license"
     r"|^\W*republish\s+(?:this|our)\s+(?:article|story|stories|work)\b"
     r"|\brepublish\s+(?:this|our)\s+(?:articles?|story|stories)\s+for\s+free\b"
     # a market-data vendor's notice: "All quotes delayed a minimum of 15 minutes.", "Market
     # data provided by ICE"
     r"|\b(?:quotes|data)\s+(?:(?:is|are)\s+)?delayed\s+(?:by\s+)?(?:a\s+minimum\s+of\s+|at\s+least\s+"
     r"|up\s+to\s+)?\d+\s+min|^\W*market\s+data\s+(?:provided|powered|supplied)\s+by\b"
     # a company footer: "MoneyWise Today is a trading name of Brightpath Media Ltd, registered
     # in England and Wales", "Registered in England and Wales No. 964179", "Registered office:
     # ...", "... a leading digital publisher. Visit our corporate site."
     r"|\bis\s+a\s+trading\s+name\s+of\b|\bregistered\s+office\s*:"
     r"|\bregistered\s+in\s+england(?:\s*(?:and|&)\s*wales)?[\s,(]{1,3}(?:with\s+)?(?:company\s+)?"
     r"(?:no\b\.?|number|#)\s*:?\s*\d|\bvisit\s+our\s+corporate\s+(?:site|website)\b"
     # a site's disclaimer of its writers' views: "The views expressed in this column are the
     # author's own and do not necessarily reflect those of The Civic Ledger."
     r"|^\W*(?:the\s+|any\s+)?(?:views|opinions)(?:\s+(?:and|&)\s+opinions)?\s+expressed\s+(?:in|on|by)\b"
     r"[^.!?\n]{1,80}?\b(?:are|is)\s+(?:solely\s+|strictly\s+)?(?:(?:the\s+)?(?:author|writer|contributor)s?['’]?s?"
     r"\s+own|their\s+own|his\s+own|her\s+own|those\s+of\b|not\s+necessarily\b)"
     r"|\b(?:do|does)\s+not\s+necessarily\s+(?:reflect|represent)\s+(?:the\s+)?(?:views?|opinions?|position|policy"
     r"|those)\s+of\b"),
    # how to reach the reporter: "Karen Whitfield can be reached at 555-0142 or
    # kwhitfield@courier.com" (an address or a handle in the line: a police officer's phone
    # number in an appeal is the story's), "Contact staff writer Jill Barshay at 212-678-3595",
    # "Reach reporter Tom Kessler at ..."
    ("contact",
     ("reached at", "reached by", "reached on", "reached via", "contacted at", "contacted by",
      "contacted via", "writer ", "reporter ", "columnist ", "correspondent ", "reach ",
      "contact ", "email him", "email her", "email them", "writes ", "column appears"),
     r"^(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){1,3}\s+(?:can|may)\s+be\s+"
     r"(?:reached|contacted)\s+(?:at|by|on|via)\b.{0,160}?(?:[\w.+-]+@[\w-]+\.\w|@\w{2,}|\btwitter\b)"
     r"|^\W*(?:contact|reach|e-?mail|write\s+to)\s+(?:(?:staff|senior|business|sports|political"
     r"|metro|health|education|city|crime|courts)\s+)?(?:writer|reporter|columnist|correspondent)"
     r"\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s+(?:at|on|via)\b"
     # ... or by name alone, with an address, a handle or Twitter: "Contact Erin Malloy at
     # 319-555-0190 or emalloy@courier.com. Follow her on Twitter @ErinM."
     r"|^\W*(?:contact|reach|e-?mail)\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){1,3}\s+"
     r"(?:at|on|via)\s+[^\n]{0,80}?(?:[\w.+-]+@[\w-]+\.\w|@\w{2,}|\btwitter\b)"
     # a columnist's bio: "Mary Dorsey writes about gardening every Tuesday.", "Sam Ortiz writes
     # a weekly column for the Herald.", "Her column appears every Sunday."
     r"|^(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}(?:\s+writes\s+(?:about|on)\b[^.!?\n]{1,80}?"
     r"\s+(?:every|each)\s+(?:other\s+)?(?:week|month|day|weekday|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
     r"|\s+writes\s+a\s+(?:weekly|monthly|regular|fortnightly)\s+column\b"
     r"|['’]s\s+column\s+appears\s+(?:every|each|on)\b)"
     # a writer's bio with the address: "Kevin Odum covers education and county government.
     # Reach him at 555-0173 or kodum@marlowledger.com." (not a police appeal: no beat)
     r"|^(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){1,3}\s+(?:covers|writes\s+about|reports\s+on"
     r"|is\s+(?:a|the)\s+(?:[\w'’-]+\s+){0,2}(?:reporter|writer|correspondent|columnist|editor))\b"
     r"[^\n]{0,150}?\b(?:reach|contact|e-?mail)\s+(?:him|her|them)\s+(?:at|on|via)\b"
     r".{0,80}?(?:[\w.+-]+@[\w-]+\.\w|\d{3}[-.\s]\d{4}|@\w{2,})"),
    # a travel writer's disclosure of who paid for the trip: "Fiona travelled as a guest of
    # Quinta de Santa Luzia.", "The writer was a guest of Visit Portugal.", "This trip was
    # provided by Rail Europe." (an info, BPL017: a newsroom prints it with the story)
    ("disclosure",
     ("guest of", "guests of", "courtesy of", "invitation of", "trip was", "travel was", "visit was",
      "stay was", "flight was", "flights were", "accommodation was", "hosted by", "support of",
      "assistance of"),
     # (the writer by name travelled so, "He travelled as a guest of the team" is news; a
     # guest or hosted only as "the writer": "Obama was a guest of the Queen" is news too)
     rf"^\W*(?:(?!(?-i:He|She|They|We|It|I)\b)(?-i:[A-Z])[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+){{0,2}}|{_WRITER})\s+"
     r"(?:travell?ed|flew|stayed)(?:\s+(?:to|in|at|on)\s+[^.!?\n]{1,60}?)?\s+(?:as\s+(?:a\s+|the\s+)?guests?\s+of"
     r"|courtesy\s+of|at\s+the\s+invitation\s+of|with\s+(?:the\s+)?(?:support|assistance)\s+of)\b"
     rf"|^\W*{_WRITER}\s+(?:was|were)\s+(?:(?:a\s+|the\s+)?guests?\s+of|hosted\s+by)\b"
     # (this trip or the writer's: "His trip was paid for by a donor" is news)
     rf"|^\W*(?:this|{_WRITER}['’]s?)\s+(?:trip|travel|visit|stay|accommodation|flights?)\s+(?:was|were)\s+"
     r"(?:provided|paid\s+for|funded|supported|hosted|arranged|sponsored|subsidi[sz]ed)\s+by\b"),
    # a tracking or ad script a scraper kept as text: "var _gaq = _gaq || [];", Matomo's
    # "_paq.push(['trackPageView']);", "gtag('config', 'G-...');",
    # "(adsbygoogle = window.adsbygoogle || []).push({});", "googletag.cmd.push(function() {"
    ("notice",
     ("_gaq", "_paq", "adsbygoogle", "googletag.", "datalayer", "document.write(", "fbq(", "gtag("),
     r"\bvar\s+_[gp]aq\b|\b_[gp]aq\.push\s*\(|\badsbygoogle\s*=\s*window\.adsbygoogle"
     r"|\bgtag\s*\(\s*['\"](?:js|config|event|set|consent)['\"]"
     r"|\bgoogletag\.(?:cmd|display|pubads|defineSlot)\b|\bwindow\.dataLayer\s*=|\bdataLayer\.push\s*\("
     r"|\bdocument\.write\s*\(|\bfbq\s*\(\s*['\"](?:init|track)"),
)

# "Takashi Aoyama|Anadolu Agency|Getty Images": a credit ending in an agency. Costly to try on
# every short line (it backtracks over the first 80 characters), so it runs only on lines whose
# last word is one of the agency names' words.
_CREDIT_TAIL_RE = re.compile(
    rf"^[^\w©(]*[^.!?]{{0,80}}(?:\||/|©|\bvia\b|\bfor\b)\s*(?:{_AGENCY})[^\w)]*$", _I)
_AGENCY_WORDS = frozenset(re.findall(r"[a-z]{2,}", _AGENCY + re.sub(r"\(\?:([a-z]+)\)\?", r"\1", _AGENCY)))

# A caption that ends in its photo credit: "The Windermere car ferry at Ferry Nab. Picture:
# Stuart Walker/Westmorland Courier", "An artist's impression of the new park. Photo: Riverside
# Skate Group": after a sentence's end, a credit label and a name (capitalised words, "/", "&",
# "for The Guardian"), nothing more; or the credit in brackets ("... on Monday. (Photo: Lisa
# Cheng / Harbor Ledger)", QA pass 19; "... in 1987. Photograph: Family handout", QA pass 41).
# Tried only on lines with a colon.
_CAPTION_CREDIT_RE = re.compile(
    r"[.!?][\"'”’)]*\s+(?:(?P<bracket>\()\s*)?(?:photo(?:graph)?|picture|pic|image)s?"
    r"(?:\s+(?:credit|courtesy))?\s*:\s*"
    r"(?-i:[A-Z])[\w'’.-]*(?:(?:\s*[/&|,]\s*|\s+)(?:(?-i:[A-Z])[\w'’.-]*|of|for|and|the|via|by"
    r"|handout|supplied|file|pool|archive)){0,9}"
    r"(?(bracket)\s*\))[^\w)]*$", _I)

# A trail of three or more short names without a home: "News > Local > Crime" (not a how-to's
# "Go to Settings > Privacy > Location", nor "Example: Women > Rings"). Tried on lines with
# such a separator only.
_TRAIL_RE = re.compile(
    r"^(?!(?:go|click|tap|select|choose|open|navigate)\b)"
    # (a full stop inside a name, as a site's domain has: "LakeCountryAnglers.com > Reports")
    r"[^\W_](?:[^>»›‹:.!?]|\.(?=\w)){0,40}(?:\s[>»›‹]\s[^\W_](?:[^>»›‹:.!?]|\.(?=\w)){0,40}){2,}$", _I)
_SHAPE_MARKS = "«»>›‹|·•←→"
_SHAPE_MARKS_RE = re.compile(f"[{_SHAPE_MARKS}]")
# A footer's row of links with a legal one among them: "Terms of Use | Privacy Policy | Site
# Map | RSS | Contact", "Mentions légales | Contact | Publicité". Tried on lines with a bar.
# (a link opens with a letter and takes every character up to the next bar at once, so a row
# splits into links one way only: "Reply · Like · 3y · " repeated took seconds per link)
_ROW_LINK = r"[^|·•\s][^|·•]{1,39}+"
_ROW_BAR = r"\s*+[|·•]\s*+"
_LEGAL_ROW_RE = re.compile(
    rf"^\W*(?:{_ROW_LINK}{_ROW_BAR})*(?:{_LEGAL_LINK})(?:{_ROW_BAR}{_ROW_LINK})*\W*$", _I)


# the end of a French quotation that opened on an earlier line: "... plus cher. »"
_QUOTATION_END_RE = re.compile(r"[.!?…]\s*»$")


# The sections of a news site's menu, in English, German, French, Spanish, Italian and Portuguese
_MENU_SECTIONS = frozenset("""
news world politics business sport sports tech technology entertainment lifestyle health opinion
local national international science culture travel economy markets weather video videos podcasts
arts books food style fashion money education environment climate crime obituaries home u.s. uk
us europe asia africa americas australia features life media music movies film tv television
games gaming autos cars property jobs careers sections more latest
startseite politik wirtschaft panorama kultur wissen meinung lokales regional gesundheit reise
digital finanzen karriere leben stil region welt
accueil actualités actu politique économie société idées planète santé sciences régions loisirs
services vidéos monde
inicio portada españa internacional economía sociedad cultura deportes tecnología opinión salud
ciencia vídeos política
cronaca politica esteri economia spettacoli salute tecnologia scienze motori viaggi mondo
sociedade desporto esportes opinião ciência saúde
""".split())
_MENU_SEPARATORS = frozenset("&|·•/-–")
_NOT_IN_MENU_RE = re.compile('[.,;:!?"“”()]')  # (a regex scans a line faster than a set's look-ups)
# a headline in title case has them: "Politics Business And The Economy Of Sport In Europe"
_MENU_FUNCTION_WORDS = frozenset("a an and the of in on for to with at by from und der die das im "
                                 "le la les et du des el los las y en il e o da de do".split())
_MIN_MENU_ENTRIES, _MAX_MENU_ENTRIES, _MIN_MENU_SECTIONS = 4, 14, 3


def _menu_row(text: str) -> bool:
    """Whether the line is a site's menu on one line ("Startseite Politik Wirtschaft Panorama
    Sport Kultur", "News Politics Business Sport Entertainment"): 4-14 capitalised entries, no
    punctuation or function word (a headline in title case has some), at least three of them
    and half of them section names; or 4-14 entries of one to three words, each opening with a
    capital, set apart by runs of spaces, as a scraper flattens a menu's tabs ("Destinations  Rail
    Journeys  Food & Drink  Hotels  Travel Tips", QA pass 41)."""
    if _NOT_IN_MENU_RE.search(text):
        return False
    if "  " in text and _spaced_entries(text):
        return True
    entries = [w for w in text.split() if w not in _MENU_SEPARATORS]
    if not (_MIN_MENU_ENTRIES <= len(entries) <= _MAX_MENU_ENTRIES
            and all(w[:1].isupper() or w[:1].isdigit() for w in entries)
            and _MENU_FUNCTION_WORDS.isdisjoint(w.lower() for w in entries)):
        return False
    sections = sum(w.lower() in _MENU_SECTIONS for w in entries)
    return sections >= _MIN_MENU_SECTIONS and 2 * sections >= len(entries)


_SPACED_ENTRIES_RE = re.compile(r"\s{2,}")


def _spaced_entries(text: str) -> bool:
    """Whether ``text`` is :data:`_MIN_MENU_ENTRIES` to :data:`_MAX_MENU_ENTRIES` entries set
    apart by two spaces or more, each one to three words without a digit, opening with a
    capital."""
    entries = _SPACED_ENTRIES_RE.split(text)
    return (_MIN_MENU_ENTRIES <= len(entries) <= _MAX_MENU_ENTRIES
            and all(entry[:1].isupper() and entry.count(" ") <= 2 and not any(map(str.isdecimal, entry))
                    for entry in entries))


def _shape_kind(text: str) -> str | None:
    """The kind a line's shape announces: a blog's link to the previous or next post by its
    title ("« Frost dates for 2011", "Starting peppers indoors »"; a French quotation has both
    marks, or ends a sentence before its closing one; or after an arrow, "← Frost dates for 2011"), a breadcrumb trail (:data:`_TRAIL_RE`)
    or a row of footer links with a legal one (:data:`_LEGAL_ROW_RE`). Each is tried only on a
    line with its marks."""
    marks = set(_SHAPE_MARKS_RE.findall(text))
    if not marks:
        return None
    if (("«" in marks) != ("»" in marks) and (text.startswith("«") or text.endswith(" »"))
            and not _QUOTATION_END_RE.search(text)):
        return "navigation"
    if text.startswith("←"):  # "← Frost dates for 2011" (an arrow at the end is also a list's step)
        return "navigation"
    if not marks.isdisjoint(">»›‹") and _TRAIL_RE.match(text):
        return "breadcrumb"
    if not marks.isdisjoint("|·•") and _LEGAL_ROW_RE.match(text):
        return "legal"
    return None


KIND_ORDER = ("cookie", "comments", "subscribe", "navigation", "breadcrumb", "share", "credit",
              "legal", "contact", "ad", "notice", "section", "disclosure")

LINE_CUE_RE = re.compile(
    r"^[^\w©(]*(?:" + "|".join(f"(?P<{k}>{LINE_CUES[k]})" for k in KIND_ORDER if k in LINE_CUES)
    + r")[^\w)]*$",
    _I,
)
_RANK = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
_PHRASE_RES = [GatedSearch(re.compile(rx, _I)) for _, _, rx in PHRASE_CUES]
_TRIGGER_ROWS = {t: row for row, (_, triggers, _) in enumerate(PHRASE_CUES) for t in triggers}
# One linear-time RE2 pass over the lower-cased text finds every trigger (4x faster than find()).
# (Sorted, so that RE2 shares their common openings: smaller automaton states to build, 17.5 ->
# 12.0 us a text over the bench's first 2,000. No trigger holds another, a test says, so at most
# one matches where one starts, in any order.)
_TRIGGER_RE = re2.compile("|".join(map(re.escape, sorted(_TRIGGER_ROWS))))

COUNTER_RE = re.compile(rf"^\s*{_COUNT_DIGITS}\s*[km]?\s*$", _I)
"""A bare number: a share, like or view counter when it stands outside the body."""
COUNTERS_RE = re.compile(rf"^\s*{_COUNT}\s*(?:/\s*{_COUNT}\s*)?$", _I)
"""A bare number or two ("0 / 255": a share bar's counters); outside the body, as
:data:`COUNTER_RE`'s."""

DATE_LINE_RE = re.compile(
    r"^\W*(?:(?:published|updated|posted|modified)\s*(?:on|:)?\s*)?"
    rf"{NAMED_DATE_BEFORE_YEAR}\d{{4}}(?:,?\s*(?:at\s+)?{CLOCK})?"
    r"(?:\s*[|/·•-]\s*\d+\s+min(?:ute)?s?\s+read)?\W*$"
    r"|^\W*\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?:\s+\d{1,2}:\d\d)?\W*$"
    rf"|^\W*{_AGO}\W*$",
    _I,
)
"""A line holding only a date (or "3 hours ago"): the tail of a related-post entry."""

_CLOCK_END = r",?\s+\d{1,2}:\d\d(?:\s*(?:[ap]\.?m\.?|et|est|edt|gmt|utc|bst|cet|ist))?"
_YEAR_END = rf"(?:19|20)\d\d(?:{_CLOCK_END})?\)?$"  # a date's year at a line's end, maybe a time after it
DATED_HEADLINE_RE = re.compile(
    r"^(?P<headline>.{8,160}?[^\s.!?,:;])\s*(?:[-–—|·•,]\s*|\(\s*)?"
    rf"(?:{NAMED_DATE_BEFORE_YEAR}|\d{{1,2}}[./]\d{{1,2}}[./]){_YEAR_END}",
    _I,
)
"""A headline with its date at the end of the line ("HTC One gets Android 4.2.2 in Europe May
28, 2013", "Governor orders cuts (April 22, 2009)", "Grube verteidigt Tiefbahnhof
(28.01.2013)", PR Newswire's "... Names New Chief Financial Officer Jan 06, 2015, 09:00 ET"):
an older CMS's related-post entry. Group ``headline`` is the text before the date."""
# (how every line DATED_HEADLINE_RE matches ends: one search rules out most lines, whose
# headline the regex would try to end at every character)
_YEAR_END_RE = re.compile(_YEAR_END, _I)
# (a word of its own: "Nook hands-on May 4, 2012" is a headline)
_DATED_BY_PROSE_RE = re.compile(r"(?:^|\s)(?:on|in|since|until|by|from|of|before|after)$", _I)


def dated_headline(text: str) -> str | None:
    """The headline of a line that is a headline followed by its date, or None (also for a
    sentence that ends with a date: "... earnings call on August 15, 2024)", a preposition
    before the date)."""
    match = DATED_HEADLINE_RE.match(text) if _YEAR_END_RE.search(text) else None
    return None if match is None or _DATED_BY_PROSE_RE.search(match["headline"]) else match["headline"]


_MONTH = rf"{MONTH_STEM}[a-z]*\.?"
MONTH_LINE_RE = re.compile(rf"{MONTH_NAME}\s+(?:19|20)\d\d", re.IGNORECASE)
"""A line that is a month of a year ("March 2012"): an archive widget's entry when another
one stands beside it, else a timeline's subheading."""

# ----- the article's time stamp: "Posted: Tuesday, April 16, 2013 6:45 pm | Updated: 7:12 pm",
# "Last updated: 29 January 2015", "Updated: April 26, 2017 21:14 IST", "Aktualisiert am
# 12.03.2024, 14:05 Uhr"
_ZONE = (r"\(?(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|AE[SD]T|JST|HKT|SGT|WIB)"
         r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?")
_STAMP_TIME = rf"(?:{CLOCK}|\d{{1,2}}h\d\d)(?:\s*(?:h|uhr))?(?:\s*{_ZONE})?"
_DAY = rf"{DAY}(?!\d)"
# a day or a year with its month ("Jan 31", "January, 2024", "17 December 2025"), a date in
# another language's words ("12 de marzo de 2024", "3 mars 2024") or in digits
_STAMP_DATE = (rf"(?:{WEEKDAY_STEM}[a-z]*\.?,?\s+)?"
               rf"(?:{_MONTH}(?:\s+{_DAY}(?:,?\s+\d{{4}})?|,?\s+\d{{4}})"
               rf"|{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
               r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?\s+(?:de\s+)?\d{4}"
               rf"|{NUMERIC_DATE}(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
               rf"|{_AGO})")
_STAMP_WHEN = (rf"(?:{_STAMP_TIME}\s*,?\s*(?:on\s+)?)?{_STAMP_DATE}"
               rf"(?:\s*(?:,|at|@|-|um|à|a\s+las|alle|às)?\s*{_STAMP_TIME})?")
_STAMP_WORD = (r"(?:(?:last|first|originally)\s+)?(?:updated?|published|posted|modified|created|edited)"
               r"|(?:zuletzt\s+)?aktualisiert|veröffentlicht|mis\s+à\s+jour|publié|actualizado"
               r"|publicado|aggiornato|pubblicato|atualizado")
_STAMP = rf"(?:{_STAMP_WORD})\s*(?:on|at|am|le|el|il|em)?\s*:?\s*\(?\s*{_STAMP_WHEN}\s*\)?"
# (each stamp atomic: a failing line would otherwise try every way of splitting it into stamps)
# a date with its time of day and nothing else: "12.03.2025, 17.42 Uhr", "11 feb 2025 - 14:22
# CET", "March 3, 2012 at 4:15 pm" (all 660 such WCXB lines are boilerplate: the article's or a
# comment's stamp; a date alone is a dateline)
_TIMED_DATE = (rf"(?:{_STAMP_TIME}\s*,?\s*(?:on\s+)?{_STAMP_DATE}"
               rf"|{_STAMP_DATE}\s*(?:,|at|@|-|um|à|a\s+las|alle|às)?\s*{_STAMP_TIME})")
# (a bare date may come first, before a stamp that says what it is: "August 16, 2019 - Updated
# July 9, 2025")
# the site's section after a stamp: "4:25pm Thursday 3 February 2011 in News" (Newsquest)
_IN_SECTION = r"(?:\s+in\s+(?-i:[A-Z])[\w&'’-]*(?:\s+(?-i:[A-Z&])[\w&'’-]*){0,3})?"
STAMP_LINE_RE = re.compile(rf"^\W*(?:(?>{_TIMED_DATE}){_IN_SECTION}\W*$|(?:(?>{_STAMP_WHEN})\s*[|/·•,;–—-]\s*)?"
                           rf"(?>{_STAMP})(?:\s*[|/·•,;–—-]\s*(?>{_STAMP}))*\W*$)", _I)
"""A line that is nothing but the article's time stamps: a word that says so ("Posted",
"Last updated", "Publicado") and a date, maybe a time ("Updated: 7:12 pm, Tue Apr 16, 2013"),
one stamp after another; or a date with its time of day alone. Not a sentence that names a date
("The report was updated on March 3, 2014."), nor a bare date without a time (a related post's,
or the article's dateline)."""


class ShortLines:
    """The lines of a text a line cue is tried on, those of at most :data:`MAX_LINE_CUE_CHARS`
    characters (not empty), joined once by line breaks (``joined``: one search tells whether any
    of them has a character), and in UTF-8 for the RE2 prefilters that search them all
    (:func:`line_cues`, :func:`stamp_positions`, :func:`comment_headers`)."""

    def __init__(self, texts: list[str]) -> None:
        self.positions = [k for k, text in enumerate(texts) if 0 < len(text) <= MAX_LINE_CUE_CHARS]
        self.joined = "\n".join([texts[k] for k in self.positions])
        self._joined = self.joined.encode()

    def candidates(self, prefilter: LinePrefilter) -> list[int]:
        """Positions (in the text, in order) of the short lines ``prefilter`` may match."""
        if not self.positions:  # (most texts have one, their headline)
            return []
        return [self.positions[j] for j in sorted(prefilter.joined_candidates(self._joined))]

    @cached_view
    def may_match(self) -> set[int]:
        """Positions of the lines one of :data:`_SHORT_LINE_REGEXES` may match (at its start):
        one RE2 search for them all (most texts have no such line)."""
        return set(self.candidates(_SHORT_LINE_PREFILTER))

    def rare_candidates(self, prefilter: LinePrefilter) -> list[int]:
        """:meth:`candidates` of the prefilter of one of :data:`_RARE_SHORT_LINE_REGEXES`,
        searched only when one RE2 search for them all finds a line that one of them may match."""
        return self.candidates(prefilter) if self._rare_may_match else []

    @cached_view
    def _rare_may_match(self) -> bool:
        """Whether one of :data:`_RARE_SHORT_LINE_REGEXES` may match one of the lines."""
        return (bool(self.positions) and _may_hold_rare(self.joined)
                and _RARE_SHORT_LINE_GATE.finds_in(self._joined))


def stamp_positions(texts: list[str], short: ShortLines | None = None) -> list[int]:
    """Positions of the lines that are nothing but the article's time stamps
    (:data:`STAMP_LINE_RE`), matched only where one RE2 search over the short lines (``short``,
    when the caller has them) finds they may be."""
    short = ShortLines(texts) if short is None else short
    return [k for k in short.rare_candidates(_STAMP_LINE_PREFILTER) if STAMP_LINE_RE.match(texts[k]) is not None]


# ----- the article's byline: "By Jane Smith", "By Dale Whitcomb, Herald Staff Writer", "By
# Jane Smith and Tom Brown | Reuters", "Von Thomas Gruber", "Par Claire Dumont et Mathieu
# Lefèvre", "di Giulia Ferraresi", "Autorin: Miriam Hoffmann, Redakteurin Haushalt"
# capitalised words that head a section or a menu, not a name: "By the Numbers", "By Design",
# "By Air and Sea", "By Industry", "By Use Case", and the days and months ("By Monday, the
# council had voted")
_NOT_A_NAME = (r"The|A|An|This|That|These|Those|Our|Your|Its|Their|His|Her|My|All|Any|Some|Far"
               r"|Now|Then|Way|Day|Night|Numbers|Design|Default|Request|Appointment|Chance|Hand"
               r"|Land|Air|Sea|Road|Rail|Car|Bus|Train|Phone|Email|Mail|Post|Topic|Date|Category"
               r"|Type|Region|Country|State|Name|Popular|Demand|Order|Invitation|Law|Comparison"
               r"|Contrast|Use|Event|Industry|Audience|Functionality|Occasion|Role|Size|Price|Brand"
               r"|Product|Service|Location|Team|Month|Year|Week|Subject|Author|Genre|Format")
_NAME_WORD = r"(?-i:[A-ZÀ-Þ][\w'’.-]*)"
_NAME_PARTICLE = r"(?:de|van|von|der|den|da|di|del|la|le|du|dos|das|bin|al|ibn|el)"
_NAME = rf"(?!(?-i:{_NOT_A_NAME}|{WEEKDAY}|{MONTH_NAME})\b){_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_NAME_PARTICLE})){{0,3}}"
_NAMES_AND = r"(?:\s*,\s*|\s+(?:and|&|und|et|y|e|en)\s+)"
_BYLINE = (rf"\W*(?:(?:written\s+|reported\s+|words\s+|text\s+)?by|von|par|por|di|door"
           rf"|(?:author|autor(?:in)?|auteur|autore|autora)\s*:)\s+{_NAME}(?:{_NAMES_AND}{_NAME}){{0,3}}"
           # a role, paper or date after a comma or a bar: ", Herald Staff Writer", " | 01/12/15"
           r"(?:\s*[,|–—/-]\s*[^.!?\n]{1,60})?[^\w.!?]*")
# a blog post's byline with its date, where the author is a user name ("by shedender on
# November 24, 2013", WordPress.com themes; the date vouches for it)
_DATED_BYLINE = (rf"\W*by\s+[\w.'’-]{{2,40}}(?:\s+[\w.'’-]{{1,40}}){{0,2}}\s+on\s+"
                 rf"(?:{WEEKDAY_STEM}\w*\.?,?\s+)?{DATE}(?:,?\s+(?:at\s+)?{CLOCK})?[^\w.!?]*")
MAX_BYLINE_CHARS = 120

# ----- the article's reading time: "5 min read", "Reading time: 8 minutes", "Lesezeit: 4 Min.",
# "Temps de lecture : 3 min", maybe after its date ("Jun 08, 2023 • 11 Minute Read")
_READ_TIME = (r"\d+\s*(?:-\s*)?(?:min(?:ute)?s?\.?|m)\s+read(?:ing)?(?:\s+time)?"
              r"|(?:estimated\s+)?(?:reading|read)\s+time\s*:?\s*(?:about\s+)?\d+\s*(?:min(?:ute)?s?\.?|m)"
              r"|lesezeit\s*:?\s*(?:ca\.\s*)?\d+\s*min(?:uten|\.)?"
              r"|temps\s+de\s+lecture\s*:?\s*\d+\s*min(?:utes?|\.)?"
              r"|(?:tiempo\s+de\s+)?lectura\s*:?\s*\d+\s*min(?:utos?|\.)?|\d+\s*min(?:utos?)?\s+de\s+lectura"
              r"|tempo\s+di\s+lettura\s*:?\s*\d+\s*min(?:uti|\.)?"
              r"|(?:tempo\s+de\s+)?leitura\s*:?\s*\d+\s*min(?:utos?|\.)?")
_READ_TIME_LINE = rf"\W*(?:(?>{_STAMP_WHEN})\s*[|/·•,;–—-]+\s*)?(?:{_READ_TIME})\W*"
BYLINE_RE = re.compile(rf"^(?:{_BYLINE}|{_DATED_BYLINE}|{_READ_TIME_LINE})$", _I)
"""A line that is the article's byline or its reading time: "By", "Von", "Par", "Por", "di" or
"Author:" and up to four names (capitalised words), maybe a role, paper or date after a comma or
bar; "by" and a user name with the date ("by shedender on February 3, 2011"); or "5 min read",
"Lesezeit: 4 Min.", maybe after the date. Not a heading such as "By the
Numbers" or a menu's "By Industry", nor a sentence."""

# The regexes of the short lines that nearly no line matches: the line cues, bylines, months of a
# year and counters. One RE2 search finds the lines one of them may match (ShortLines.may_match),
# and each is tried on those only, not on every short line (3.5 a text over the bench's first
# 20,000; the search finds 0.07). (Not the time stamps and comment headers too: in the pipeline
# the union's larger automaton costs more to build its states over the first 4,000 texts than the
# 0.5 calls a text of their own gate it saves.)
_SHORT_LINE_REGEXES = (LINE_CUE_RE, BYLINE_RE, MONTH_LINE_RE, COUNTERS_RE)
_SHORT_LINE_PREFILTER = LinePrefilter(LINE_CUE_RE, others=_SHORT_LINE_REGEXES[1:])

ABOUT_HEADING_RE = re.compile(
    r"About\s+(?:the\s+)?(?:[A-Z][\w&'’.,-]*|[0-9][\w&'’.,-]*[A-Za-z][\w&'’.,-]*)"
    r"(?:\s+(?:[A-Z0-9&][\w&'’.,-]*|of|and|for|the|&|de|in)){0,6}:?")
"""The heading of a press release's company profile: "About Meridian Health Devices", "About
3M", "About the Queensland Rural Health Alliance" (fully matched; "About" and the name
capitalised)."""

CONTACT_HEADING_RE = re.compile(rf"\W*{_PRESS_CONTACT}\s*:?\W*", _I)
"""The heading of a press release's contact block, alone on its line: "Media Contact:"."""

COMPANY_PROFILE_RE = re.compile(
    r"\b(?:founded\s+in\s+(?:18|19|20)\d\d|headquartered\s+in|(?:is|are)\s+(?:a|an|the)\s+"
    r"(?:leading|global|world['’]s|premier|nasdaq|nyse|privately\s+held|publicly\s+traded"
    r"|not[\s-]for[\s-]profit|non[\s-]?profit)"
    r"|for\s+more\s+information,?\s+(?:please\s+)?(?:visit|go\s+to|see)"
    r"|\((?:nasdaq|nyse|tsx|lse|asx)(?:\s+\w+)?\s*:\s*\w{1,6}\))",
    _I,
)
"""Wording of a company's self-description ("Founded in 2008 and based in Minneapolis, ...",
"... is a leading provider of", "... is a not-for-profit network of" (QA pass 41), "For more
information, visit www.example.com", "(NYSE: ACME)")."""

# month names of German, French, Spanish, Italian and Portuguese dates
_FOREIGN_MONTH = (r"(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november"
                  r"|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre"
                  r"|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
                  r"|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre"
                  r"|ottobre|dicembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro"
                  r"|dezembro)")

COMMENT_HEADER_RE = re.compile(
    # a timestamp with a time of day: "March 3, 2012 at 4:15 pm", "3 March 2012 at 16:15",
    # "2012-03-03 16:15", "Jane | Mar 3, 2012 @ 4:15 PM | Reply", "Jane on ... at 4:15 pm said:"
    rf"^[^<>=;{{}}]{{0,60}}(?:{_MONTH}\s+{DAY},?\s+(?:\d{{4}},?\s+)?"
    rf"|{DAY}\s+{_MONTH},?\s+(?:\d{{4}},?\s+)?"
    rf"|{NUMERIC_DATE},?\s+)(?:at\s+|@\s*|-\s+|\|\s*)?{CLOCK}\b[^.!?]{{0,40}}$"
    # a byline with a time of day: "Posted by Jane at 4:15 PM", "Posted by Jane at 4:15 PM in News"
    rf"|^\W*{_POSTED_BY_AT}\b[^.!?]{{0,40}}$"
    # a user name, then the time before the date (TownNews sites): "eastsidemom posted at 7:02 am
    # on Wed, Oct 17, 2012."
    rf"|^\W*[\w.'’-]{{1,40}}\s+(?:posted|commented|wrote|replied)\s+(?:at\s+|@\s*){CLOCK}\s+on\s+"
    rf"(?:{WEEKDAY_STEM}\w*\.?,?\s+)?{DATE}\.?\s*$"
    # a date and a reply link: "Jane | March 3, 2012 | Reply"
    rf"|^[^<>=;{{}}]{{0,60}}\b{_MONTH}\s+{DAY},?\s+\d{{4}}\W+(?:reply|permalink)\W*$"
    # relative times of comment widgets: "Jane • 3 years ago", "5 hours ago"
    r"|^.{0,40}\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\W*$"
    # the same in other languages' words, as their blog software prints it: "Martine 13 octobre
    # 2024 à 9 h 14 min", "Jan 13. Oktober 2024 um 9:14 Uhr", "Ana 13 de octubre de 2024 a las
    # 9:14", "Luca 13 ottobre 2024 alle 9:14", "Rui 13 de outubro de 2024 às 9:14" (a name of
    # capitalised words before it, and no full stop: "Le conseil se réunira le 13 octobre 2024 à
    # 9 h 30." is a sentence)
    r"|^\W*(?:(?-i:[A-ZÀ-Þ])[\w.'’-]*[\s,|]+){0,4}\d{1,2}\.?\s+(?:de\s+)?"
    rf"{_FOREIGN_MONTH}\s+(?:de\s+)?\d{{4}},?\s+(?:à|um|a\s+las|alle|às|-)\s+"
    r"(?:\d{1,2}[:.]\d\d|\d{1,2}\s*h\s*\d\d(?:\s*min)?)(?:\s*uhr)?[^\w.!?]*$"
    # "Jane says:", "Jane Doe wrote", (weak alone: a quoted statement reads the same)
    r"|^(?P<said>.{1,80}\b(?:says|said|wrote|writes))\s*:?\s*$",
    _I,
)
"""A comment's header line (author and time), the skeleton of a comment thread. Group
``said`` marks the weak kind (no time), which a quoted statement shares."""
# The look-ahead holds exactly the characters an alternative may start with (case-insensitively,
# as "ſ" for "s"), so the search skips every other position at once.
_HEADER_HINT_RE = re.compile(
    r"(?=[\daswrp])(?:\d[:.]\d\d|\d\s*h\s*\d\d|ago|sa(?:ys|id)|wr(?:ote|ites)|reply|permalink)", _I)


_ARTICLE_STAMP_RE = re.compile(
    r"^\W*(?:(?:last\s+|first\s+)?(?:updated?|published|modified|created|posted\s+on)"
    r"|(?:zuletzt\s+)?aktualisiert|veröffentlicht|mis\s+à\s+jour|publié|modifié|actualizado|publicado"
    r"|aggiornato|pubblicato|atualizado)\b", _I)
"""The article's own time stamp ("Last Updated ( Sunday, 20 June 2010 19:05 )", "Published
March 3, 2012 at 4:15 pm"): no comment's header, though it has a date and a time."""


def comment_header(text: str) -> re.Match[str] | None:
    """The :data:`COMMENT_HEADER_RE` match of a line (a cheap look at its end comes first), not
    an article's time stamp."""
    return _header_match(text) if _header_hint(text) else None


def _header_match(text: str) -> re.Match[str] | None:
    """The :data:`COMMENT_HEADER_RE` match of a line that is not an article's time stamp."""
    match = COMMENT_HEADER_RE.match(text)
    return None if match is None or _ARTICLE_STAMP_RE.match(text) else match


def _header_hint(text: str) -> bool:
    """A cheap look at a line's end: may it be a comment's header?"""
    return len(text) <= 120 and _HEADER_HINT_RE.search(text, max(0, len(text) - 60)) is not None


# Regexes of short lines that nearly no text has (ShortLines.rare_candidates), each tried where
# its RE2 prefilter finds a line it may match
_RARE_SHORT_LINE_REGEXES = (STAMP_LINE_RE, COMMENT_HEADER_RE)
_STAMP_LINE_PREFILTER, _COMMENT_HEADER_PREFILTER = map(LinePrefilter, _RARE_SHORT_LINE_REGEXES)
# (one search instead of one each: a search of a few short lines costs RE2's binding more than
# RE2 the search. Not the line cues' too: the union's automaton takes twice as long to build its
# states, which over a first pass of 20,000 texts costs more than the search it saves.)
_RARE_SHORT_LINE_GATE = Finder(line_start_union(_RARE_SHORT_LINE_REGEXES))


def _may_hold_rare(joined: str) -> bool:
    """Whether lines (``joined`` by line breaks) may hold a time stamp or a comment header: each
    has a digit, or a header "says", "said", "wrote" or "writes" (in lines of ASCII, where no
    other digit stands, nor a letter the case-blind regexes take for an ASCII one, "ſ"). A look
    in C string methods that rules out 40 % of the bench's texts before the union's RE2 search."""
    if not joined.isascii() or any(map(joined.__contains__, "0123456789")):  # (faster than a regex scan)
        return True
    lowered = joined.lower()
    return "says" in lowered or "said" in lowered or "wrote" in lowered or "writes" in lowered

STAMP_FIRST_RE = re.compile(rf"^\W*(?:{WEEKDAY_STEM}\w*\.?,?\s+)?(?:\d|{MONTH_STEM})", _I)
"""A line that opens with its date or time ("Wed 6 Mar 2024 11.05 GMT", "March 3, 2012 at
4:15 pm"): a time stamp without a name before it."""

QUOTE_OPENERS = "\"'“‘«„‚"
_SAID_LINE_RE = re.compile(r"\b(?:says|said|wrote|writes)\W*$", _I)


def introduces_quote(texts: list[str], k: int) -> bool:
    """Whether line ``k`` is a "Helen Jones says:" line whose next line opens with a quotation
    mark: an article introducing a quotation, not a comment's header (a comment's body is the
    reader's own words, not quoted)."""
    return (k + 1 < len(texts) and texts[k + 1][:1] in QUOTE_OPENERS
            and _SAID_LINE_RE.search(texts[k]) is not None)


def comment_headers(texts: list[str], short: ShortLines | None = None) -> list[re.Match[str] | None]:
    """:func:`comment_header` of each line, without the lines that introduce a quotation. A
    line is matched by :data:`COMMENT_HEADER_RE` (20 us a line in Python) only where one RE2
    search over the short lines (``short``, when the caller has them) finds it may match and it
    has a header's hint (a "said" or a clock time in news)."""
    headers: list[re.Match[str] | None] = [None] * len(texts)
    short = ShortLines(texts) if short is None else short
    for k in short.rare_candidates(_COMMENT_HEADER_PREFILTER):  # (a header's hint needs a short line)
        if _header_hint(texts[k]):
            header = _header_match(texts[k])
            headers[k] = None if header is None or introduces_quote(texts, k) else header
    return headers


FORUM_PROFILE_RE = re.compile(rf"^\W*(?:{_FORUM_PROFILE})\W*$", _I)
"""A forum post's profile field or quote label: it marks a post as a comment header does."""

SCORED_TITLE_RE = re.compile(r"^.{0,120}\((?-i:Score):-?[0-5](?:,\s*[A-Z][a-z]+)?\)$", _I)
"""A Slashdot comment's title with its moderation score, -1 to 5 and a label ("Re: (Score:2)",
"Can confirm... (Score:5, Informative)"): it opens a comment as a header does (not a review's
"Battery life (Score: 8/10)")."""

REPORT_MARKER_RE = re.compile(r"^\W*report\s+(?:abuse|this\s+comment|comment)\W*$", _I)
"""A comment's "Report abuse" / "Report this comment" link: one per comment, so two of them in
a run of comment markers delimit a comment even where no header names its author."""


COMMENT_OPENER_RE = re.compile(
    rf"^\W*(?:(?P<count>{_COMMENT_COUNT}|(?:(?:reader\s+|user\s+)?comments?|{_FOREIGN_COMMENTS})\s*\(\d+\))"
    rf"{_AFTER_COUNT}"
    r"|(?:reader\s+|user\s+)?comments|have\s+your\s+say|(?:sign\s+the\s+)?guest\s*book)[^\w?]*$",
    _I,
)
"""The heading of a comment section: "12 Comments", "Comments (12)" (Joomla's JComments and
regional-newspaper CMSs print the count after the noun), "3 Responses to “...”", "One thought on
“...”", "{ 31 comments… read them below or add one }", an obituary's "Guest Book" (its
condolences are its comments), "Comments", "Have your say" (also a consultation story's subheading, so only with
comments after it, QA pass 17). A count agrees with its noun: "No comment on air strikes" is a news
subheading, not "No Comments". Group ``count`` is set when the heading counts (a bare
"Comments" is also a button or tab label)."""


_PRAISE = (r"(?:great|good|excellent|awesome|amazing|wonderful|fantastic|fabulous|fab|brilliant|lovely|nice"
           r"|beautiful|helpful|interesting|informative|useful|insightful|inspiring|superb|cool)")
_WRITING = (r"(?:post|article|read|piece|write[\s-]?up|blog|list|tips|info(?:rmation)?|recipe|guide|summary"
            r"|review|work|job|points?|ideas?|column)")
LIST_HEADING_RE = re.compile(rf"^\W*(?:{_LIST_HEADING})\W*$", _I)
"""The heading of a list of other stories on a line of its own ("Related Posts", "Most Read",
"You might also like"): the titles under it are the list's. Not "Read more" or "See also",
which head an article's own further reading as often."""

READER_REACTION_RE = re.compile(
    # praise or thanks for the post: "Great article!", "What a great read.", "Thanks for sharing"
    rf"^(?:(?:what\s+an?|such\s+an?|very|really|so|this\s+is\s+an?|a)\s+)?{_PRAISE}"
    rf"(?:\s+(?:and\s+)?\w+)?\s+{_WRITING}s?\b"
    r"|^(?:so|very|really|super)\s+(?:incredibly\s+)?(?:helpful|useful|informative|inspiring|interesting)\b"
    r"|^(?:this\s+is\s+)?(?:an?\s+)?(?:very\s+|really\s+)?well[\s-]written\b|^(?:love|loved)\s+(?:this|it|your)\b"
    r"|^(?:wow|congrat(?:s|ulations)|kudos|bravo)\b"
    # agreement and sympathy: "Well done!", "So true!", "Spot on, Mark.", "Sorry for your loss."
    r"|^(?:well\s+done|so\s+true|spot\s+on|bookmark(?:ed|ing)\s+(?:this|it)"
    r"|thinking\s+of\s+you|(?:so\s+)?sorry\s+for\s+your\s+loss)\b"
    rf"|^{_PRAISE}\s*[.!]"  # a word of praise as a sentence: "Brilliant."
    r"|^(?:many\s+)?(?:thanks|thank\s+you|thx)(?:\s+so\s+much|\s+very\s+much)?"
    # (a name between: "Thank you Lisa for covering this", QA pass 34)
    r"(?:,?\s+(?-i:[A-Z])[\w.-]*)?"
    r"(?:\s*[,!.]|\s+for\s+(?:sharing|posting|this|writing|putting|covering|explaining"
    r"|the\s+(?:update|info|article|post|tip|heads[\s-]up|column|story|recipe|review))\b|\s*$)"
    # the reader's own voice: "I love this post", "I agree", "@Paul:", "Hi Lori,"
    r"|^(?:i|we)\s+(?:really\s+|just\s+|absolutely\s+)?(?:love|loved|enjoyed|like|liked)\s+"
    r"(?:this|your|the\s+(?:post|article|recipe|list|idea))\b"
    r"|^(?:i\s+(?:totally\s+|completely\s+)?(?:agree|disagree|second\s+this)|agreed?|same\s+here)\b"
    r"|^@\w[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?\s*[,:–—-]\s+\S"
    # an answer to a reader by handle with no punctuation, maybe after the reader's surname
    # or initial: "@Riverside_Dad exactly", "@Chris I agree", "@Sandy L. what did you use?"
    r"|^@\w[\w.-]*(?:\s+(?-i:[A-Z])\.?)?\s+(?:(?-i:[a-z])[a-z'’]*|(?-i:I)(?:['’](?:m|ve|d|ll))?)(?:[\s,.!?]|$)"
    r"|^(?:hi|hey|hello|dear)\s+(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?\s*[,!]\s*$",
    _I,
)
"""A reader's reaction opening a comment ("Great article!", "Thanks for sharing", "@Paul:",
"Hi Lori,"): comment bodies that scraped text keeps without their headers."""

LETTER_SIGNATURE_RE = re.compile(
    r"^(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}),\s+(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})\.?$")
"""A letter writer's signature on a letters page: "John Smith, Bath", "Mary Jones, Frome"."""

SALUTATION_RE = re.compile(r"^dear\s+(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,3},?$", _I)
"""A letter's salutation on a line of its own: "Dear Helen,", "Dear Boxed In," (an advice
column's letters and answers)."""

REPLY_OPENER_RE = re.compile(
    r"^(?:(?:yes|no|yeah|yep|nope|ok|okay|exactly|(?:very\s+|so\s+)?true|well\s+said)[,.!]"
    # agreement with another reader, by name: "Exactly right Paul.", "Well said, Marcy!"
    r"|(?:exactly(?:\s+right)?|absolutely(?:\s+right)?|spot\s+on|good\s+point|well\s+said|so\s+true)"
    r",?\s+(?-i:[A-Z])[\w.-]*[,.!]"
    r"|(?:thanks|thank\s+you|lol|haha|wow)\b"
    # a greeting, but not an author's self-introduction ("Hi, I'm Chris!")
    r"|(?:hi|hey|hello)\b(?![\s,!]+(?:i'm|i’m|i\s+am|my\s+name|this\s+is))|@\w)",
    _I,
)
"""A reply's opening: "Yes, ...", "Thanks!", "Exactly right Paul.", "Hi all", "lol", "@Paul"."""

COMMENT_OPENER_CUE_RE = re.compile(
    # a reply to another reader or to the author: "Yes please", "Fair enough.", "Ha! I love that."
    r"^(?:(?:yes|no)\s+please\b|fair\s+enough\b|me\s+too\b|ha(?:ha)*[!.,]"
    r"|(?:i\s+)?(?:respectfully|totally|completely|strongly)\s+(?:dis)?agree\b|disagree\b"
    # a one-word verdict on the post: "Patronising rubbish.", "Respect!", "This."
    r"|(?:\w+\s+)?(?:rubbish|nonsense|drivel|twaddle|tosh|claptrap|respect|seconded|ditto|this)\s*[.!]+(?:\s|$)"
    # what the post did to the reader: "This made me cry.", "Best thing I've read all weekend."
    r"|this\s+(?:really\s+|just\s+)?(?:made|makes|brought)\s+(?:me|my|a\s+tear)\b"
    # or how it struck the reader: "This is really helpful ...", "Very insightful, ...", "So
    # happy to see ...", "Sounds fantastic!"
    r"|this\s+(?:is|was)\s+(?:so\s+|really\s+|very\s+|such\s+an?\s+|exactly\s+|just\s+)+(?:helpful|useful"
    r"|insightful|encouraging|inspiring|timely|needed|lovely|moving|brilliant|great|good|what\s+i)\b"
    r"|(?:very|really|so|super)\s+(?:insightful|inspiring|interesting|helpful|useful|informative|touching|moving)\b"
    r"|(?:so\s+)?(?:happy|glad)\s+(?:to\s+(?:see|hear|read)|you)\b"
    r"|sounds\s+(?:great|fantastic|good|amazing|lovely|interesting|delicious|wonderful)\b"
    r"|(?:heck|hell|oh)\s+yeah\b|(?:sending|big)\s+(?:love|hugs|prayers|(?:best\s+)?wishes)\b"
    r"|(?:the\s+)?best\s+(?:thing|post|piece|article)\s+i['’]?ve\s+read\b"
    # a point of the post taken up: "The jam jars line is exactly right.", "Number 6, a hundred
    # times.", "The emergency fund point is so important."
    r"|(?:the|that|your)\s+(?:[\w'’-]+\s+){0,4}(?:line|point|tip|bit|paragraph)\s+(?:is|was|made|has|about|really|so)\b"
    r"|(?:number|no\.)\s*\d+\b"
    # a point granted or added to: "Fair point Ray, ...", "Small correction, ...", "Just to add,
    # ...", "Quick question, ...", "Easy for you to say Jim."
    r"|(?:fair|good|great|valid)\s+point(?![\w-])|(?:small|quick|minor)\s+(?:correction|question|point)\b"
    r"|just\s+to\s+add\b|easy\s+for\s+you\s+to\s+say\b|(?:great|perfect|good)\s+timing\s*[,!]"
    # sympathy without a subject, as a statement's "Our thoughts are with ..." has one:
    # "Thoughts with everyone affected.", "Thoughts and prayers to the family."
    r"|thoughts\s+(?:and\s+prayers\s+(?:with|to)|with)\b"
    # the post's advice tried, with no subject as a comment drops it: "Made this tonight ...",
    # "Did mine this weekend ...", "Worked perfectly on 16.04 too.", "Love the stock bag idea."
    # (not "Did it work?", "Love the idea of ...?")
    r"|(?:just\s+)?(?:made|tried|baked|cooked)\s+(?:this|these)\b|did\s+mine\b"
    r"|worked\s+(?:perfectly|like\s+a\s+charm|a\s+treat)\b"
    r"|love\s+(?:the|that)\s+(?:[\w'’-]+\s+){1,3}(?:idea|tip|trick|suggestion)\b(?!\s+of\b)"
    # an interjection before the name it answers: "Oh Claire, that's made me well up."
    r"|(?:oh|aw+|ah)\s+(?!(?:god|lord|jesus|dear|well)\b)(?-i:[A-Z])[a-z]+\s*,"
    # the writing praised or granted ("So beautifully written.", "That's totally fair ..."),
    # the writer cheered ("Good for you for stopping ..."), a visitor from a blog's link party
    # ("Visiting from Finish It Up Friday."), a question to the other readers ("Anyone going
    # to the match want a lift?")
    r"|so\s+(?:beautifully|well)\s+(?:written|put|said)\b"
    r"|that['’]?s\s+(?:totally\s+|completely\s+|very\s+)?fair\b|good\s+for\s+you\b"
    r"|(?:visiting|popping\s+(?:over|by|in)|hopping\s+over|stopping\s+by)\s+from\b"
    r"|anyone\s+(?:else\s+)?(?:know|knows|going|tried|have|had|got|noticed?|seen|want|fancy)\b[^.!?]*\?)",
    _I,
)
"""How a comment opens when it answers the post or another comment (see :data:`COMMENT_PHRASE_RE`).
Some openers are :data:`READER_REACTION_RE`'s too ("Very helpful", "I totally agree", "Good
point") and are no dead copies: as a comment's cue (:func:`~scanner.boilerplate.readers.comment_cue`)
this regex counts in an attributed line ("Very helpful, the minister said."), a reaction does
not."""

COMMENT_PHRASE_RE = re.compile(
    # the author's own work, addressed to the author: "following your steps", "on your
    # recommendation", "I've read your blog since 2014"
    r"\byour\s+(?:[\w'’-]+\s+)?(?:post|posts|blog|article|column|write-?up|recommendations?|steps"
    r"|instructions|tutorial|pattern|advice|podcast)\b"
    # a reader who says so: "long-time reader", "never commented", "been reading since 2009"
    r"|\b(?:long[\s-]?time\s+(?:reader|lurker)|first[\s-]time\s+comment\w*|never\s+comment(?:ed)?"
    r"|been\s+reading\s+(?:your|this|since|for|quietly)|reading\s+this\s+(?:helped|made))\b"
    # sympathy or thanks addressed to the author: "So sorry for your loss.", "thank you for
    # noticing kids like him", "I agree with most of this"
    r"|\bsorry\s+(?:for\s+your|to\s+hear|that\s+happened|about\s+your)\b"
    r"|\bthank\s+you\s+(?:so\s+much\s+)?for\s+(?!reading\b)\w+ing\b"
    r"|\bi\s+(?:\w+\s+)?(?:dis)?agree\s+(?:with|about|on)\s+(?:(?:most|all|much)\s+of\s+)?(?:this|you|your|the\s+ending)\b"
    r"|\bagree\s+(?:completely|totally|entirely|wholeheartedly)\s+(?:with|about|on)\b"
    # the post kept for later ("Pinning this!", "Bookmarked it."), the author's words recalled
    # ("Maybe I needed more salt like you said?"), a commenter's shorthand ("way too rushed imo")
    r"|\b(?:pinning|pinned|bookmarking|bookmarked)\s+(?:this|it)\b"
    r"|\b(?:like|as)\s+you\s+(?:said|say|suggested|mentioned|recommended)\b"
    r"|(?-i:\b(?:imo|imho|IMHO|tbh|fwiw|afaik|iirc)\b)",
    _I,
)
"""A comment's words anywhere in its line: about the author's post, the reader, sympathy."""

NAMED_REPLY_RE = re.compile(
    # a reply that opens with the name it answers: "Mags, it's a right cross", "Joanna, yes, ...",
    # "realist99, he's literally defending you.", "Anonymous, I believe ..." (not a name that is
    # the sentence's subject, "Pat, I realise now, was ...", "Tom, my husband, eats ...")
    r"^(?P<name>(?-i:[A-Z][a-z'’]+)|(?-i:[a-z]+\d+))(?:\s+(?-i:[A-Z])\.?)?,\s+(?!(?:i|we|my|the)\s+\w+(?:\s+\w+)?,)"
    r"(?:yes|no|yeah|i|i['’](?:m|d|ve|ll)|it['’]s|you|you['’](?:re|ve|ll|d)|he['’]s|she['’]s|that['’]s"
    r"|the|thanks|thank|we|my|just|sorry|agreed|exactly|glad)\b",
    _I,
)
"""A reply by name (:func:`readers.addresses_by_name` leaves out the words that open a
sentence the same way: "Finally, I decided ...", "Oh, I'm so sorry.")."""

NAMED_REACTION_RE = re.compile(
    # "I'm so sorry, Tom.", "Thanks, Suzanne!", "Great trend-spotting, Dylan."
    r"^[^.!?]{0,30}\b(?:sorry|thanks|thank\s+you|congratulations|congrats|well\s+done|good\s+luck|welcome"
    r"|(?:great|good|nice|lovely)\s+[\w-]+)\W*,\s+(?P<name>(?-i:[A-Z][a-z]+))\s*[.!]",
    _I,
)
"""A reaction that ends with the name of whom it answers."""

VOCATIVE_RE = re.compile(
    # a reply that opens with the bare name of whom it answers, then a clause: "Sandy, old paprika
    # is ...", "Mossy, tell him ...", "Sue, on some machines ..." (or a user name, with capitals or
    # digits inside: "HydeLad, enjoy it ...", "realist99, ..."; not "McDonald"). Not a name
    # that is a sentence's subject, a list's first item or a place: no article, relative pronoun,
    # possessive, preposition, participle, number or capitalised word after the comma ("Smith, a
    # former teacher, ...", "Eli, our middle son, ...", "Obama, speaking ...", "Smith, 45, ...",
    # "Orlando, United States"; "I" may come); group ``aside``: a comma or "and" after the next
    # few words, or a comma and a word that goes on with the sentence later ("Kendal, in
    # Cumbria, ...", "Pat, I realise now, was ...", "Cumin, coriander and ...", "Viotti,
    # director of La Fenice since 2002, conducted ...")
    r"^(?P<name>(?-i:[A-Z][a-z]{3,}(?:[A-Z][a-z]*)+|[A-Za-z]+\d+|[A-Z][a-z'’]+))"
    r"(?:\s+(?-i:[A-Z])\.?)?,\s+(?=\S+\s+\S)"
    r"(?!(?:a|an|the|who|whose|which|whom|where|when|and|or|but|nor|too|also|however|meanwhile|though"
    r"|although|now|then|once|aged|born|of|in|at|from|with|by|as|like|unlike|through|during|after"
    r"|before|under|over|despite|since|until|among|amid|within|without|into|across|against|my|our"
    r"|his|her|their|its|for\s+(?:example|instance)|on\s+the\s+other\s+hand|that(?!['’]))\b"
    r"|\d|[\w'’]+(?:ing|ed)\b|(?-i:[A-Z])(?!['’]|\b))"
    r"(?P<aside>[^\s,]+(?:\s+[^\s,]+){0,2},|[^\s,]+(?:\s+[^\s,]+)?\s+(?:and|or|nor|&)\s"
    r"|[^,]{1,80},\s+(?!(?:and|but|so|or|it|it['’]s|i|i['’]\w+|you|you['’]\w+|we|we['’]\w+|he|she|they"
    r"|that['’]s|though|which|just|too)\b)(?-i:[a-z]))?",
    _I,
)
"""A reply that opens with a bare name (see :func:`readers.addresses_by_name`)."""

NAME_AFTER_YOU_RE = re.compile(r"\b(?:you|thanks)\s*,\s+(?P<name>(?-i:[A-Z][a-z]+))\s*[.!?]", _I)
"""A sentence that ends with the name of whom it answers: "Glad it worked for you, Karen."."""

NOT_NAMES = frozenset("""
finally however yesterday today tonight tomorrow now so still besides meanwhile anyway anyhow anyways
overall otherwise instead again also plus then later afterwards eventually well oh ok okay indeed
thus hence therefore first second third last next moreover furthermore additionally similarly
likewise conversely alternatively sometimes often once recently interestingly surprisingly
admittedly frankly honestly unfortunately fortunately sadly luckily basically ultimately
personally obviously clearly apparently naturally regardless nevertheless nonetheless though
although because while when whereas if unless until since after before here there sure right
true alas ah and but or yet seriously sorry thanks thank please yes no yeah
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december spring summer autumn fall winter
worse better granted elsewhere afterward nowadays together altogether notably mine ours
further below above alright meaning notice wait yep except everyday oftentimes another easy
yours hers theirs remember look listen see note update edit ps hmm wow aww oops inside
outside lastly nope
dad mum mom mother father grandma grandad grandpa nan nana gran granny son daughter baby darling
honey love friends guys everyone everybody folks readers ladies gentlemen people
""".split())
"""Words that open a sentence with a comma after them as a name does, and those a post calls
its writer's family or its readers by ("Dad, I miss you.", "Friends, ...")."""

# the writer's thanks to those who helped: "Thank you to everyone who followed along",
# "Congratulations to Sarah, who won the giveaway", "Well done to everyone who ran"
_SHOUT_OUT = r"(?:thanks|thank\s+you|congratulations|congrats|well\s+done)\s+(?:so\s+much\s+)?to\s+(?!the\b)"
SHOUT_OUT_RE = re.compile(_SHOUT_OUT, _I)
"""The writer's thanks or congratulations to somebody, which close a post ("Congratulations to
Sarah, who won ..."): no reader's reaction."""

POST_CLOSING_RE = re.compile(
    r"\b(?:let\s+(?:me|us)\s+know|i['’]?d\s+(?:really\s+)?(?:love|like)\s+to\s+(?:know|hear|see)"
    r"|i\s+would\s+(?:really\s+)?(?:love|like)\s+to\s+(?:know|hear|see)|in\s+the\s+comments"
    r"|comments?\s+below|leave\s+(?:me\s+|us\s+)?a\s+(?:comment|note|message|line)|ask\s+(?:me\s+)?below"
    r"|what\s+are\s+yours|what\s+(?:do|would)\s+you(?:\s+(?:guys|all|folks))?\s+(?:think|do|add|say)|thanks?\s+(?:you\s+)?(?:so\s+much\s+)?for\s+(?:reading|your\s+interest|visiting|stopping\s+by"
    r"|watching|listening|all\s+your|\w+ing\s+me)"
    r"|until\s+next\s+time)\b"
    rf"|^{_SHOUT_OUT}",
    _I,
)
"""A post's closing words to its readers: "Let me know in the comments", "What are yours?",
"Thanks for reading", "Thank you to everyone who ...". Comments follow them, the post's own
lines stand above them."""

POST_END_FIRST_ROW_RE = re.compile(
    r"^\W*(?:filed\s+under|tag(?:s|ged)\b|categor(?:y|ies)\b|labels\s*:|posted\s+(?:in|at|by)\b"
    r"|this\s+entry\s+was\s+posted|share\s+this\b|(?:\d+|no|one)\s+comments?\b"
    r"|leave\s+a\s+(?:comment|reply)\b)",
    _I,
)
"""The first row of the furniture that ends a post (a line of
:data:`~scanner.boilerplate.analysis.POST_END_KINDS`), the footer a blog or a newsroom's CMS
prints under a post's body (once a cue rule has explained the line): "Filed Under: Parenting",
"Tags: budget", "Posted at 08:47 PM in Travel | Permalink", "Share this:", "12 Comments",
"Leave a reply". Related posts, author boxes and promotions come after it; what stands between
it and the post's last paragraph is the post's own closing (a sign-off, a rating, a closing
section; BPL011). (The furniture's last line, under which an extractor appends the comments, is
:func:`~scanner.boilerplate.analysis._last_furniture`'s.)"""

SIGN_OFF_RE = re.compile(r"^[—–]\s*(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2}\s*$")
"""A writer's sign-off after a dash: "— JS", "– Anne Lindqvist" (a line of a dashed list reads
the same, so it is one only without such a line beside it)."""

ASKS_READERS_RE = re.compile(
    r"^(?:does|did|has|have|is|was|can|could|will|would|do)\s+(?:anyone|anybody|someone|somebody)\b", _I)
"""A question put to the other readers: "Does anyone know if ...?", "Has anybody else ...?" (a
comment's, not an FAQ heading's)."""

FIRST_PERSON_RE = re2.compile(
    # "I" is case-sensitive; "Phase I" matches too, which the comment tail's other tests outweigh
    r"(?:^|[^\w'’])I(?:['’](?:m|ve|d|ll))?(?:[^\w'’]|$)|\b(?:[Mm]y|me)\b"
)
"""The writer's own voice: "I", "I'm", "my", "me". (RE2, searched in a line's UTF-8 bytes: the
binding's str path converts offsets, a few microseconds a call.)"""

_SPEECH = r"said|says|told|wrote"  # verbs that report somebody's words
_ATTRIBUTION = rf"\b(?:{_SPEECH}|writes|according\s+to)\b"
ATTRIBUTION_RE = re.compile(_ATTRIBUTION, _I)
"""Words that attribute a statement to somebody ("..., one reader wrote")."""
# reported speech and findings, which no banner uses ("added", "admitted", "regulars advise",
# "the bank urged", "doctors warned", "he insisted", "he joked", "consumer groups say", "a
# study found", "..., cautioning that the targets involve risks" (QA pass 17) too; not
# "according to", which a banner may use: "cookies are used according to our policy", nor
# "explains": "our privacy policy explains how")
_REPORTED_RE = re.compile(
    rf"\b(?:{_SPEECH}|say|added|admitted|advised?|advises|urged|urges|warned|warns|insisted"
    r"|insists|joked|found|finds|cautio(?:ned|ns|ning)|warning\s+that)\b", _I)
# A banner speaks as the site or to the reader ("We use cookies", "you agree", "this site
# uses"), describes the site's own cookies ("This cookie is set by GDPR Cookie Consent plugin")
# or is a short button or link ("Cookie settings", "Accept all cookies"); prose about cookies
# does none of that ("Under the EU cookie law, websites must ask visitors for consent before
# storing cookies"; "La Agencia ... ha impuesto una multa a un diario que instalaba cookies
# sin el consentimiento de sus lectores"). Per language: its function words, and the banner's
# voice (the site's "we" and "this site", the reader's "you", the buttons).
_PROSE_LANGUAGES = tuple(
    (re.compile(rf"\b(?:{function})\b", _I), re.compile(rf"\b(?:{voice})\b", _I))
    for function, voice in (
        ("the|and|of|to|for|before|after|must|that|is|are|has|have",
         r"we|we['’](?:re|d|ll)|our|us|you|your|(?:this|the)\s+(?:web\s*)?site|click\w*"
         r"|continu\w*|this\s+cookie|cookies?\s+(?:is|are)\s+set|this\s+page"
         r"|by\s+(?:using|clicking|browsing|visiting)"),
        ("el|la|los|las|de|que|y|en|un|una|por|con|para|del|al|sin",
         r"utilizamos|usamos|empleamos|nuestr\w*|usted|tu|tus|acept[ae]s?|aceptar\s+todo\w*"
         r"|este\s+sitio|esta\s+(?:web|página)|haz\s+clic|puls[ae]|si\s+contin[úu]a\w*|consideramos"),
        ("le|la|les|de|des|du|et|en|un|une|que|qui|pour|par|sur|sans",
         r"nous|notre|nos|vous|votre|vos|ce\s+site|cliquez|acceptez|en\s+continuant"),
        ("il|lo|gli|di|che|e|un|una|per|con|del|della|senza",
         r"utilizziamo|usiamo|nostr\w*|questo\s+sito|accett[ai]|clicca|proseguendo|continuando"),
        ("o|os|as|de|que|e|um|uma|por|com|para|do|da|sem",
         r"utilizamos|usamos|noss\w*|este\s+site|aceit[ae]|clique|ao\s+continuar|você"),
    ))


_PRICE_RE = re.compile(r"[$£€¥₹]\s?\d|\d\s?(?:€|euros?|dollars|pounds)\b", _I)


# somebody else accepting: "Guests should accept all the cookies.", "She would accept ..."
_NARRATED_ACCEPT_RE = re.compile(
    r"\b(?!(?:you|we|i)\b)[a-z]+\s+(?:should|would|must|could|might|will|may|can|did|does|do)"
    r"\s+(?:not\s+)?accept\b", _I)


def _prose_about_cookies(text: str) -> bool:
    """Whether a line that names cookies and consent is a sentence about them in the third
    person: over ten words, three function words of a language and the banner voice of none
    (English, Spanish, French, Italian, Portuguese: French "de" and "en" are Spanish function
    words too, QA pass 19); one that names a price (a bakery's cookies: no banner has one); or
    one in which somebody else accepts them, in no banner voice ("Guests should accept all the
    cookies.", QA pass 17)."""
    long = len(text.split()) > 10
    if long and _PRICE_RE.search(text):
        return True
    if any(voice.search(text) for _, voice in _PROSE_LANGUAGES):
        return False
    return _NARRATED_ACCEPT_RE.search(text) is not None or long and any(
        len(function.findall(text)) >= 3 for function, _ in _PROSE_LANGUAGES)


QUOTED_OR_LISTED_RE = re2.compile(
    rf"[\"“”]|^\W|(?i){_ATTRIBUTION}"
    r"|^(?:how|what|when|where|why|who|which|can|could|should|is|are|do|does|will|would)\b[^.!?]*\?$"
)
"""A line whose first person is somebody else's or no reader's: a quotation or attributed
statement, a bullet, or a lone FAQ-style question ("How do I cancel?"). (RE2, searched in a
line's UTF-8 bytes, as :data:`FIRST_PERSON_RE`.)"""


def _ends_with_agency(text: str) -> bool:
    """Whether the line ends like an agency credit (last word an agency word, then the regex)."""
    end = len(text)
    while end and not text[end - 1].isalnum():
        end -= 1
    start = end
    while start and text[start - 1].isalpha():
        start -= 1
    return text[start:end].lower() in _AGENCY_WORDS and _CREDIT_TAIL_RE.match(text) is not None


def line_cues(texts: list[str], short: ShortLines | None = None) -> list[str | None]:
    """The boilerplate kind each (stripped) line's wording announces, or None (``short``: the
    short lines, when the caller has them)."""
    kinds: list[str | None] = [None] * len(texts)
    short = ShortLines(texts) if short is None else short
    may_match = short.may_match
    # (a shape needs its marks: most texts have none; a substring test a mark is faster than a regex scan)
    shaped = any(map(short.joined.__contains__, _SHAPE_MARKS))
    for k in short.positions:
        text = texts[k]
        match = LINE_CUE_RE.match(text) if k in may_match else None
        if match:
            kind = match.lastgroup
        else:
            kind = (_shape_kind(text) if shaped else None) or ("navigation" if _menu_row(text) else None)
        if kind == "comments" and introduces_quote(texts, k):
            kind = None
        if (kind is None or _RANK[kind] > _RANK["credit"]) and (
                _ends_with_agency(text) or (":" in text and _CAPTION_CREDIT_RE.search(text))):
            kind = "credit"
        kinds[k] = kind
    if "←" in "".join(texts):  # the next post's link under the previous one's: "Snow routes →"
        for k in range(1, len(texts)):
            if kinds[k] is None and texts[k].endswith(" →") and texts[k - 1].startswith("←"):
                kinds[k] = "navigation"
    # phrase cues, on the lines of at most MAX_PHRASE_CUE_CHARS in which one RE2 pass finds a
    # trigger of their row
    phrase_lines = [k for k, text in enumerate(texts) if len(text) <= MAX_PHRASE_CUE_CHARS]
    # (lowercased in UTF-8: str.lower looks up every character of a text beyond ASCII, 5 of the
    # 7 us a page's phrase lines took to join, lowercase and encode; RE2 reads bytes without
    # converting offsets)
    joined = lower_utf8("\n".join([texts[k] for k in phrase_lines]))
    candidates: dict[int, set[int]] = {}
    for line, start, end in numbered_matches(_TRIGGER_RE, joined):
        candidates.setdefault(_TRIGGER_ROWS[joined[start:end].decode()], set()).add(phrase_lines[line])
    for row, lines in sorted(candidates.items()):  # a line two rows match: the first row's kind
        kind, regex = PHRASE_CUES[row][0], _PHRASE_RES[row]
        for k in sorted(lines):
            if (kinds[k] is None and regex.search(texts[k])
                    and not _REPORTED_RE.search(texts[k])  # furniture reports nobody's words
                    and not (kind == "cookie" and _prose_about_cookies(texts[k]))):
                kinds[k] = kind
    return kinds
