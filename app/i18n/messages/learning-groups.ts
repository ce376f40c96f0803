import { defineMessages } from "../define-messages.ts";

/** Issue 9, item 3: the other municipalities of a learning group, for exchange (ADR 0036). */
export const learningGroups = defineMessages({
  nl: {
    "applications.group.link": "Bekijk de andere gemeenten in de leergroep",
    "applications.group.title": "Leergroepen – {tenant}",
    "applications.group.intro":
      "Hier ziet u welke andere gemeenten in uw leergroep zitten en aan welke lokale acties zij werken. Zo kunt u van elkaar leren. U ziet een contactpersoon alleen als die gemeente dat heeft aangezet.",
    "applications.group.back": "Terug naar de aanmeldingen",
    "applications.group.none":
      "Uw gemeente zit nog niet in een leergroep. Zodra uw gemeente is toegelaten tot een traject, ziet u hier de andere gemeenten.",
    "applications.group.of": "Leergroep {trajectory}",
    "applications.group.noPeers": "Er zijn nog geen andere gemeenten toegelaten tot deze leergroep.",
    "applications.group.peers": "Andere gemeenten in de leergroep",
    "applications.group.contact": "Contactpersoon",
    "applications.group.contactLine": "{name} ({role})",
    "applications.group.noContact": "Deze gemeente deelt geen contactpersoon.",
    "applications.group.actions": "Lokale acties",
    "applications.group.noActions": "Nog geen lokale actie afgesproken.",
    "applications.group.share.title": "Uw contactpersoon in de leergroep",
    "applications.group.share.label": "Laat onze contactpersoon zien aan de andere gemeenten in deze leergroep",
    "applications.group.share.hint":
      "De andere gemeenten zien dan alleen de naam, de rol en het e-mailadres van de eerste contactpersoon uit uw aanmelding: {name} ({role}). U kunt dit altijd weer uitzetten.",
    "applications.group.share.save": "Opslaan",
    "applications.group.share.isOn": "Uw gemeente laat haar contactpersoon zien aan de andere gemeenten.",
    "applications.group.share.isOff": "Uw gemeente laat geen contactpersoon zien aan de andere gemeenten.",
    "applications.group.share.onlyCoordinator": "Alleen de coördinator van uw gemeente kan dit veranderen.",
    "applications.group.shared": "Uw contactpersoon is nu zichtbaar voor de andere gemeenten in de leergroep.",
    "applications.group.hidden": "Uw contactpersoon is niet meer zichtbaar voor de andere gemeenten in de leergroep.",
    "applications.group.error.needsAdmission": "Alleen een toegelaten gemeente hoort bij een leergroep.",
  },
  en: {
    "applications.group.link": "See the other municipalities in the learning group",
    "applications.group.title": "Learning groups – {tenant}",
    "applications.group.intro":
      "Here you see which other municipalities are in your learning group and which local actions they work on, so you can learn from each other. You see a contact person only if that municipality has turned this on.",
    "applications.group.back": "Back to the applications",
    "applications.group.none":
      "Your municipality is not in a learning group yet. Once your municipality has been admitted to a trajectory, you will see the other municipalities here.",
    "applications.group.of": "Learning group {trajectory}",
    "applications.group.noPeers": "No other municipality has been admitted to this learning group yet.",
    "applications.group.peers": "Other municipalities in the learning group",
    "applications.group.contact": "Contact person",
    "applications.group.contactLine": "{name} ({role})",
    "applications.group.noContact": "This municipality does not share a contact person.",
    "applications.group.actions": "Local actions",
    "applications.group.noActions": "No local action agreed yet.",
    "applications.group.share.title": "Your contact person in the learning group",
    "applications.group.share.label": "Show our contact person to the other municipalities in this learning group",
    "applications.group.share.hint":
      "The other municipalities then see only the name, role and e-mail address of the first contact person of your application: {name} ({role}). You can turn this off at any time.",
    "applications.group.share.save": "Save",
    "applications.group.share.isOn": "Your municipality shows its contact person to the other municipalities.",
    "applications.group.share.isOff": "Your municipality does not show a contact person to the other municipalities.",
    "applications.group.share.onlyCoordinator": "Only your municipality's coordinator can change this.",
    "applications.group.shared":
      "Your contact person is now visible to the other municipalities in the learning group.",
    "applications.group.hidden":
      "Your contact person is no longer visible to the other municipalities in the learning group.",
    "applications.group.error.needsAdmission": "Only an admitted municipality is part of a learning group.",
  },
});
