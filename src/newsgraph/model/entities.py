"""Mentions, entities (identities across articles), aliases and roles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from newsgraph.model.evidence import Evidence


class EntityType(StrEnum):
    """spaCy/OntoNotes entity labels kept by newsgraph."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    LOC = "LOC"
    NORP = "NORP"
    FAC = "FAC"
    PRODUCT = "PRODUCT"
    EVENT = "EVENT"
    LAW = "LAW"


class AliasKind(StrEnum):
    """How an alias relates to the canonical name."""

    SHORT_FORM = "short_form"      # a surname or shorter form used later ("Motegi")
    ACRONYM = "acronym"            # defined in the text: "... Enforcement (ICE)"
    OTHER_SCRIPT = "other_script"  # a name in another script in parentheses: "(習近平)"
    DEMONYM = "demonym"            # "Japanese" for Japan
    VARIANT = "variant"            # spelling variant: "U.S." for "United States"


class RoleStatus(StrEnum):
    """Whether a title is held now."""

    CURRENT = "current"
    FORMER = "former"
    ACTING = "acting"
    ELECTED = "elected"


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A stretch of article text naming an entity.

    Attributes:
        id: deterministic id from article, kind and offsets.
        evidence: the span.
        type: entity label.
        cluster: key of the in-article entity this mention belongs to (see ``LocalEntity.key``).
        entity_id: the cross-article ``Entity.id``, set by resolution; None before it.
        extractor: versioned name of the component that found it.
    """

    id: str
    evidence: Evidence
    type: EntityType
    cluster: str
    entity_id: str | None = None
    extractor: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Alias:
    """Another name for an entity.

    Attributes:
        text: the alias as written.
        kind: how it relates to the canonical name.
        script: ISO 15924 script code of the alias (``Latn``, ``Hani``, ``Cyrl``, ...).
        evidence: where it was read, when it comes from a text.
    """

    text: str
    kind: AliasKind
    script: str = "Latn"
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Role:
    """A title held by a person, as one article states it.

    Attributes:
        title: the title, lower-cased unless a proper noun ("prime minister", "spokesman").
        organization: the organisation or country the title belongs to ("Japan", "Philippine Coast Guard").
        status: current, former, acting or elected.
        article_id: the article it was read from.
        evidence: the span stating it.
        published: that article's publication time, when known.
    """

    title: str
    organization: str | None
    status: RoleStatus
    article_id: str
    evidence: Evidence
    published: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Geo:
    """Where a place is, from the GeoNames gazetteer (or, for an organisation named after a place,
    where that place is).

    Attributes:
        geonames_id: the GeoNames id of the place; None for a region below the country known from
            ISO 3166-2 only (a province, a state outside the US: "Bavaria"), which has none, and for
            a place known only by its country: a facility the gazetteer lacks, in the country of
            the place its name is built on ("Port of Dakar"), or a town it lacks, in the article's
            one country.
        country: ISO 3166-1 alpha-2 code of its country ("FR").
        lat: latitude in degrees, None where the gazetteer has no point (countries, regions, a place
            known only by its country).
        lon: longitude in degrees, None where the gazetteer has no point.
    """

    geonames_id: int | None
    country: str
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LocalEntity:
    """An entity as one article knows it, before cross-article resolution.

    Attributes:
        key: in-article cluster key, shared by its mentions' ``cluster``.
        name: the fullest name the article uses.
        type: entity label.
        mention_ids: ids of its mentions, in text order.
        aliases: other names the article gives it.
        roles: titles the article gives it.
        geo: the gazetteer place it names (or its name is built on), when resolved; None otherwise.
        known_as: the full name of a well-known institution its name is a short form of ("EU" →
            "European Union"), from a curated table rather than the article; used for identity.
    """

    key: str
    name: str
    type: EntityType
    mention_ids: tuple[str, ...]
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    geo: Geo | None = None
    known_as: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One identity across the knowledge base.

    Attributes:
        id: stable id, kept when new articles join it.
        name: canonical (fullest) name.
        type: entity label.
        aliases: other names, with their script.
        roles: titles read from articles, each with its article and date.
        article_ids: articles that mention it.
        geo: the gazetteer place it is (a place) or is named after (an organisation), or None.
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[Alias, ...] = ()
    roles: tuple[Role, ...] = ()
    article_ids: tuple[str, ...] = ()
    geo: Geo | None = None
