"""Nouns that name the roles of an attack: weapons, perpetrators, targets, victims, and nationality words.

Lower-cased words and lemmas; the role tagger's features (`incidents/roles/crf.py`), its rules
(`incidents/roles/rules.py`) and the filler names (`incidents/roles/names.py`) all read them here.
"""
from __future__ import annotations

WEAPON_WORDS = frozenset("""
bomb bombs car-bomb explosive explosives dynamite grenade grenades mortar mortars rocket rockets
rifle rifles gun guns pistol pistols revolver revolvers machinegun machineguns machine-gun
submachinegun submachineguns ak-47 ak-47s m-16 m-16s uzi fal galil carbine shotgun shotguns
ammunition bullet bullets mine mines landmine landmines ied ieds device devices charge charges tnt
c-4 semtex molotov cocktail cocktails firebomb incendiary knife knives machete machetes axe sword
bazooka bazookas rpg rpg-7 launcher launchers missile missiles artillery shell shells weapon weapons
firearm firearms truck-bomb vest vests drone drones gasoline petrol acid gas poison sarin
""".split())
PERP_WORDS = frozenset("""
terrorist terrorists guerrilla guerrillas guerilla guerillas gunman gunmen subversive subversives
rebel rebels insurgent insurgents militant militants attacker attackers assailant assailants
kidnapper kidnappers hijacker hijackers bomber bombers murderer murderers killer killers
hitman hitmen hit-men commando commandos extremist extremists jihadist jihadists militiaman
militiamen sicario sicarios urban individuals men man group squad squads narcoterrorist
narcoterrorists criminals soldiers troops perpetrators perpetrator suspect suspects shooter shooters
""".split())
TARGET_WORDS = frozenset("""
embassy headquarters office offices building buildings home house residence bank store shop
station substation tower towers pylon pylons bridge bridges vehicle vehicles car bus truck plane
aircraft helicopter pipeline plant facility facilities installation installations school church
mosque temple synagogue hotel restaurant market mall hall theater theatre stadium airport port
base barracks post checkpoint power line lines network school university hospital consulate
""".split())
VICTIM_WORDS = frozenset("""
civilian civilians peasant peasants student students priest priests jesuit jesuits journalist
journalists judge judges mayor mayors official officials leader leaders child children woman women
people person persons worker workers employee employees farmer farmers teacher teachers
businessman businessmen diplomat diplomats ambassador candidate politician minister
""".split())

# Nouns that count or gather the people of an "of" phrase ("dozens of worshippers", "a group of
# pilgrims"): the phrase is the whole "dozens of worshippers", not its last word alone.
QUANTITY_NOUNS = frozenset("""
dozen dozens hundred hundreds thousand thousands million millions score scores number handful couple
group groups crowd crowds busload busloads
""".split())

# Verbs and nouns of an assault whose object, passive subject or "on"/"against" phrase is what was
# attacked ("shelled Vardonia", "Vardonia was invaded", "the strike on Vardonia"): only there is a
# country, a state or a city the target of an attack rather than a party named around it.
ASSAULT_WORDS = frozenset("""
attack assault bomb bombard bombing shell shelling strike airstrike hit invade invasion raid storm target
rocket blast destroy damage occupy overrun besiege siege ambush offensive incursion missile drone
""".split())

# Weapon words specific enough to be a weapon whenever an attack is told with them.
STRONG_WEAPONS = frozenset("""
rifle rifles gun guns pistol pistols revolver revolvers machinegun machineguns submachinegun shotgun shotguns
grenade grenades dynamite explosive explosives bomb bombs mortar mortars rocket rockets knife knives machete
machetes ak-47 kalashnikov kalashnikovs m-16 uzi carbine bazooka launcher launchers firearm firearms
""".split())


# Nationality adjectives: a target or attacker is named without the country it belongs to ("the
# embassy", not "the American embassy"), so one embassy told of as "American" and as "U.S." is one.
DEMONYMS = frozenset({
    "american", "argentine", "argentinian", "bolivian", "brazilian", "british", "canadian", "chilean", "chinese",
    "colombian", "costa", "cuban", "dutch", "ecuadoran", "ecuadorian", "egyptian", "french", "german",
    "guatemalan", "haitian", "honduran", "indian", "iranian", "iraqi", "israeli", "italian", "japanese",
    "jordanian", "kenyan", "lebanese", "mexican", "nicaraguan", "nigerian", "pakistani", "palestinian",
    "panamanian", "paraguayan", "peruvian", "russian", "salvadoran", "saudi", "somali", "soviet", "spanish",
    "syrian", "turkish", "ukrainian", "uruguayan", "venezuelan", "yemeni", "us", "u.s.", "u.s"})

# Nouns that name people and organisations, as the learned role model reads them
# (incidents/roles/learned.py: a target who is a person is a victim; pronouns and PERSON entities too).
PERSON_WORDS = VICTIM_WORDS | PERP_WORDS | frozenset("""
man men woman women boy boys girl girls child children kid kids baby babies infant teen teenager teenagers
policeman policemen police officer officers soldier soldiers trooper troops guard guards cadet cadets
worshipper worshippers worshiper worshipers pilgrim pilgrims tourist tourists passenger passengers
resident residents villager villagers citizen citizens pedestrian pedestrians shopper shoppers
customer customers patient patients spectator spectators protester protesters demonstrator demonstrators
member members relative relatives family families husband wife son daughter father mother brother sister
victim victims casualty casualties dead wounded injured survivor survivors general commander colonel
major captain lieutenant sergeant private chief governor president mayor senator lawmaker prisoner
prisoners hostage hostages refugee refugees migrant migrants fighter fighters militiaman gunman gunmen
individual individuals someone anyone people person persons staff crew personnel agent agents
""".split())
ORG_WORDS = frozenset("""
group groups army forces force militia movement front organization organisation faction brigade brigades
battalion regiment command government ministry police party network cell alliance coalition taliban
state isis isil al-qaeda qaeda hamas hezbollah boko haram al-shabaab shabaab eta ira farc cartel
""".split())

# Nouns that say what one person is to others or does (kin, company, occupation, part in events),
# beside those above: an apposition is a person's title only when its noun is one of these ("Mara
# Lind, a shop owner"; not "Donald Trump, times ...", "Ana Ruiz, Photo").
ROLE_NOUNS = PERSON_WORDS | frozenset("""
parent grandparent grandmother grandfather grandson granddaughter grandchild uncle aunt nephew niece cousin
fiance fiancee boyfriend girlfriend partner spouse stepson stepdaughter stepfather stepmother sibling twin
friend neighbor neighbour roommate colleague classmate teammate confidante acquaintance companion
lawyer economist executive adviser advisor aide consultant strategist staffer assistant associate manager
chairman chairwoman chair chairperson host author writer editor reporter correspondent columnist
doctor nurse surgeon physician paramedic firefighter coach principal student sophomore junior senior
freshman graduate prospect player actress actor singer rapper artist architect developer investor
businesswoman entrepreneur billionaire millionaire banker trader driver pilot engineer mechanic clerk
cashier bouncer chaplain pastor rabbi imam bishop fellow scholar researcher advocate organizer volunteer
nominee opponent rival challenger incumbent winner veteran surrogate donor supporter critic commentator
magistrate coroner examiner medic dispatcher marshal toddler suspect shooter witness caller killer guest
heir successor predecessor founder owner head spokesman spokeswoman spokesperson official secretary mate
commissioner chancellor superintendent representative deputy envoy professor inspector detective judge
prosecutor attorney director analyst expert
""".split())
# Endings of nouns for people: economist, historian, chairman, spokesperson, psychologist.
ROLE_SUFFIXES = ("ist", "ian", "man", "woman", "person")

