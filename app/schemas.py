"""What the JSON API answers, as named schemas in the OpenAPI document, for clients that
generate types or check answers. The routes return the dicts of ``views`` as they are, so
these types only describe those dicts: nothing is validated or converted on the way out.

Keys marked NotRequired appear only on some answers. Every object may carry keys beyond those
listed: the API grows by adding them."""

from datetime import date
from typing import Annotated, Any, NotRequired

from pydantic import ConfigDict, Field, TypeAdapter, with_config
from typing_extensions import TypedDict  # pydantic reads typing's TypedDict only from 3.12

REF = "#/components/schemas/{model}"
ISO_DATE = Field(description="ISO date, possibly partial: 2018, 2018-03 or 2018-03-20")
EXCERPT = Field(description="The page's text, HTML-escaped, with <mark> around matches")


@with_config(ConfigDict(extra="allow"))
class _Open(TypedDict):
    pass


# -- /api/search -----------------------------------------------------------------------------


class SearchHit(_Open):
    page: int
    excerpt: Annotated[str, EXCERPT]
    url: str


class Issuer(_Open):
    name: Annotated[str, Field(description="The agency, court or firm that issued the record")]
    slug: Annotated[
        str | None, Field(description="/agencies/{slug}, when the issuer is a known agency")
    ]
    search_url: Annotated[str, Field(description="A search for the records it issued")]


ISSUER = Field(description="Who issued the record (not the agencies it mentions), if known")


class SearchResult(_Open):
    id: str
    title: str
    date: Annotated[str | None, ISO_DATE]
    doc_type: str
    collection: str
    page_count: int
    date_iso: Annotated[str | None, Field(description="date when it is a calendar date")]
    issuer: Annotated[Issuer | None, ISSUER]
    agencies: Annotated[list[str], Field(description="Every agency the document names")]
    agencies_shown: Annotated[
        list[str], Field(description="The few to name: selected, named by the query, most named")
    ]
    agencies_more: Annotated[int, Field(description="Agencies beyond agencies_shown")]
    agencies_url: str
    url: str
    hits: Annotated[list[SearchHit], Field(description="The first pages that match")]
    more_hits: Annotated[int, Field(description="Matching pages beyond those in hits")]


class FacetValue(_Open):
    value: str
    count: Annotated[int, Field(description="Documents, not pages")]
    selected: bool
    toggle_url: Annotated[str, Field(description="This search with the value added or removed")]


class Facets(_Open):
    """One list per facet of indexer/facets.py (a test holds them equal)."""

    agency: list[FacetValue]
    issuer: list[FacetValue]
    doc_type: list[FacetValue]
    year: list[FacetValue]
    exemption: list[FacetValue]
    contract: list[FacetValue]
    request: list[FacetValue]
    vendor: list[FacetValue]
    collection: list[FacetValue]


class Suggestion(_Open):
    query: str
    url: str


class FilterChip(_Open):
    facet: str
    label: str
    value: str
    remove_url: str


class SearchLinks(_Open):
    self: str
    json: str
    prev: str | None
    next: str | None
    sort_relevance: str
    sort_date: str
    sort_date_desc: str
    sort_indexed_desc: str
    clear: str
    csv: str
    jsonl: str
    atom: str


class FacetTotal(_Open):
    values: Annotated[int, Field(description="Values the facet has for this search")]
    url: Annotated[str, Field(description="The page listing every value")]


class SearchResults(_Open):
    query: str
    total: Annotated[int, Field(description="Matching documents")]
    page: int
    per_page: int
    pages: int
    sort: str
    date_from: date | None
    date_to: date | None
    results: list[SearchResult]
    facets: Facets
    facet_totals: dict[str, FacetTotal]
    facet_labels: dict[str, str]
    notices: Annotated[
        list[str], Field(description="How the query was read where it differs from as typed")
    ]
    undated_excluded: Annotated[
        int,
        Field(description="Undated documents left out because a date range is set (else 0)"),
    ]
    suggestion: Annotated[Suggestion | None, Field(description="A spelling correction")]
    chips: Annotated[list[FilterChip], Field(description="The filters applied")]
    links: SearchLinks


# -- /api/documents/{doc_id} -----------------------------------------------------------------


class Entity(_Open):
    value: Annotated[str, Field(description="The canonical value")]
    pages: list[int]
    forms: Annotated[list[str], Field(description="As the document writes it")]


class LinkedEntity(Entity):
    search_url: Annotated[str, Field(description="A search for the documents naming it")]


class AgencyEntity(LinkedEntity):
    level: str
    abbreviation: NotRequired[str]
    parent: NotRequired[str]
    state: NotRequired[str]
    ori: NotRequired[str]


class VendorEntity(LinkedEntity):
    page_url: NotRequired[Annotated[str, Field(description="The vendor's page (/vendors/…)")]]


class ContractPeriod(_Open):
    start: str
    end: str


class ContractEntity(LinkedEntity):
    kind: str
    fiscal_year: NotRequired[int]
    office_agency: NotRequired[str]
    vendor: NotRequired[str]
    amount: NotRequired[float]
    period: NotRequired[ContractPeriod]
    mods: NotRequired[list[str]]


class ExemptionEntity(LinkedEntity):
    per_page: NotRequired[Annotated[dict[str, int], Field(description="Mentions by page")]]


# "from" is a keyword, so the header's keys are declared as a dict's
_EmailHeader = TypedDict(
    "_EmailHeader",
    {
        "from": str,
        "sent": Annotated[str | None, ISO_DATE],
        "to": list[str],
        "cc": list[str],
        "subject": str,
        "page": int,
    },
)


class RequestEntity(LinkedEntity):
    curated: NotRequired[
        Annotated[bool, Field(description="Set by the publisher's readingroom.csv, on no page")]
    ]


class EmailEntity(Entity, _EmailHeader):
    pass


class MoneyEntity(Entity):
    amount: float
    of: NotRequired[str]


class Entities(_Open):
    agency: list[AgencyEntity]
    contract: list[ContractEntity]
    date: list[Entity]
    exemption: list[ExemptionEntity]
    bates: list[LinkedEntity]
    email: list[EmailEntity]
    money: list[MoneyEntity]
    request: Annotated[list[RequestEntity], Field(description="Request or tracking numbers")]
    vendor: Annotated[list[VendorEntity], Field(description="Contractors, sellers, suppliers")]


class PageSummary(_Open):
    number: int
    ocr: bool
    image_only: bool
    bates: str | None
    url: str
    thumbnail_url: str


class DocumentHit(_Open):
    page: int
    excerpt: Annotated[str, EXCERPT]
    matches: int
    url: str


class DocumentCitation(_Open):
    author: str
    title: str
    date: Annotated[str | None, ISO_DATE]
    permalink: str
    text: str
    ris_url: str
    bibtex_url: str
    csl_json_url: str


class DocumentLinks(_Open):
    json: str


class Curated(_Open):
    source: Annotated[str, Field(description="The readingroom.csv that set them")]
    fields: Annotated[
        list[str],
        Field(description="Of title, date, issuer, doc_type, request and description"),
    ]


class Document(_Open):
    id: str
    title: str
    file_names: list[str]
    collection: str
    sha256: str
    size: int
    page_count: int
    date: Annotated[str | None, ISO_DATE]
    date_iso: Annotated[str | None, Field(description="date when it is a calendar date")]
    doc_type: str
    issuer: Annotated[Issuer | None, ISSUER]
    description: Annotated[
        str | None, Field(description="The publisher's description (readingroom.csv), if any")
    ]
    curated: Annotated[
        Curated | None,
        Field(description="Values the publisher set in place of those read from the file"),
    ]
    status: str
    error: str | None
    bates_range: Annotated[tuple[str, str] | None, Field(description="First and last stamps")]
    metadata: Annotated[dict[str, str], Field(description="The PDF's document information")]
    entities: Entities
    pages: list[PageSummary]
    page_window: Annotated[int, Field(description="Thumbnails the HTML page shows at once")]
    query: str
    hits: Annotated[list[DocumentHit], Field(description="Every page that matches the query")]
    citation: DocumentCitation
    meta: Annotated[list[tuple[str, str]], Field(description="Highwire citation_* tags")]
    url: str
    pdf_url: str
    links: DocumentLinks


# -- /api/documents/{doc_id}/pages/{number} --------------------------------------------------


class PageDocument(_Open):
    id: str
    title: str
    date: Annotated[str | None, ISO_DATE]
    doc_type: str
    collection: str
    page_count: int
    url: str


class Redaction(_Open):
    bbox: Annotated[
        tuple[float, float, float, float],
        Field(description="x0, top, x1, bottom in PDF points from the top left corner"),
    ]
    label: Annotated[str, Field(description="Visible text on the box or just right of it")]
    exemptions: list[str]
    covers_text: Annotated[
        bool,
        Field(
            description="The PDF still carries text under the box (left out of the page's "
            "text: the redaction was not applied to the text layer)"
        ),
    ]


class RedactionSummary(_Open):
    boxes: int
    exemptions: list[str]


class PageLinks(_Open):
    prev: str | None
    next: str | None
    prev_hit: str | None
    next_hit: str | None
    json: str


class Page(_Open):
    document: PageDocument
    number: int
    text: str
    text_html: Annotated[str, Field(description="The text, HTML-escaped, query words marked")]
    ocr: bool
    image_only: bool
    bates: str | None
    redactions: list[Redaction]
    redaction_summary: RedactionSummary
    query: str
    hit_pages: Annotated[list[int], Field(description="Pages of the document matching q")]
    citation: str
    permalink: str
    image_url: str
    image_width: float
    image_height: float
    links: PageLinks


# -- /api/agencies, /api/agencies/{slug}, /api/vendors, /api/vendors/{slug} ------------------


class ListLinks(_Open):
    self: str
    json: str
    clear: Annotated[str, Field(description="The list without its filter")]


class BrowseLinks(_Open):
    self: str
    json: str
    list: str
    search: str
    prev: str | None
    next: str | None


class ListedDocument(_Open):
    id: str
    title: str
    date: Annotated[str | None, ISO_DATE]
    date_iso: Annotated[str | None, Field(description="date when it is a calendar date")]
    doc_type: str
    collection: str
    page_count: int
    pages: Annotated[list[int], Field(description="The pages that name the agency or vendor")]
    url: str
    first_page_url: str | None


class ContractTally(_Open):
    value: str
    count: Annotated[int, Field(description="Documents of the page naming the contract")]
    vendor: Annotated[str | None, Field(description="As most of its mentions give it")]
    amount: float | None
    period: ContractPeriod | None
    search_url: str


class AgencySummary(_Open):
    name: str
    slug: str
    abbreviation: str
    level: str
    parent: str
    state: str
    ori: str
    count: Annotated[int, Field(description="Documents naming the agency (the facet's count)")]
    url: str


class AgencyNode(_Open):
    name: str
    slug: Annotated[str | None, Field(description="None for a parent the records do not name")]
    abbreviation: str
    state: str
    count: int | None
    url: str | None
    children: list["AgencyNode"]


class AgencyGroup(_Open):
    state: str | None
    state_name: str | None
    agencies: list[AgencyNode]


class AgencyLevel(_Open):
    level: str
    label: str
    groups: list[AgencyGroup]


class AgencyList(_Open):
    filter: str
    total: int
    agencies: list[AgencySummary]
    levels: Annotated[list[AgencyLevel], Field(description="The agencies nested by parent")]
    links: ListLinks


class Ancestor(_Open):
    name: str
    slug: str | None
    url: str | None


class NamedWith(_Open):
    name: str
    slug: str
    state: str
    count: Annotated[int, Field(description="Documents naming both")]
    url: str


class ExemptionTally(_Open):
    value: str
    count: int
    redactions: int
    search_url: str


class MonthCount(_Open):
    month: Annotated[str, Field(description="YYYY-MM")]
    count: int


class Agency(AgencySummary):
    parent_url: str | None
    forms: Annotated[list[str], Field(description="As written, in the most documents first")]
    also_written_as: list[str]
    ancestors: Annotated[list[Ancestor], Field(description="Its parents, the top first")]
    children: list[AgencySummary]
    documents_total: int
    page: int
    pages: int
    per_page: int
    documents: Annotated[list[ListedDocument], Field(description="Newest first, undated last")]
    timeline: list[MonthCount]
    timeline_max: int
    undated: Annotated[int, Field(description="Documents whose date has no month")]
    co_occurring: list[NamedWith]
    contracts: list[ContractTally]
    exemptions: list[ExemptionTally]
    search_url: str
    links: BrowseLinks


class VendorSummary(_Open):
    name: Annotated[str, Field(description="The vendor facet's value")]
    slug: str
    count: Annotated[int, Field(description="Documents naming the vendor (the facet's count)")]
    url: str
    search_url: str


class VendorList(_Open):
    filter: str
    total: int
    vendors: Annotated[list[VendorSummary], Field(description="By name")]
    links: ListLinks


class YearCount(_Open):
    year: Annotated[str, Field(description="YYYY, as the year facet counts it")]
    count: int
    search_url: str


class VendorAgency(NamedWith):
    search_url: Annotated[str, Field(description="A search for documents naming both")]


class Vendor(VendorSummary):
    forms: Annotated[list[str], Field(description="As written, in the most documents first")]
    also_written_as: list[str]
    documents_total: int
    page: int
    pages: int
    per_page: int
    documents: Annotated[list[ListedDocument], Field(description="Newest first, undated last")]
    timeline: list[YearCount]
    timeline_max: int
    undated: Annotated[int, Field(description="Documents whose date has no year")]
    agencies: Annotated[
        list[VendorAgency], Field(description="Agencies its documents name, most documents first")
    ]
    contracts: Annotated[
        list[ContractTally],
        Field(description="Contracts its documents name; another vendor's come last"),
    ]
    links: BrowseLinks


# -- the OpenAPI document --------------------------------------------------------------------

JSON_ANSWERS: dict[str, type] = {
    "/api/search": SearchResults,
    "/api/documents/{doc_id}": Document,
    "/api/documents/{doc_id}/pages/{number}": Page,
    "/api/agencies": AgencyList,
    "/api/agencies/{slug}": Agency,
    "/api/vendors": VendorList,
    "/api/vendors/{slug}": Vendor,
}
DATE_PARAMETERS = ("date_from", "date_to")


def describe_responses(schema: dict[str, Any]) -> None:
    """Add to the schema FastAPI generated what it cannot see: the JSON answers' shapes (the
    routes return plain dicts), that date parameters are dates, and that the file is a PDF."""
    _, generated = TypeAdapter.json_schemas(
        [(path, "serialization", TypeAdapter(answer)) for path, answer in JSON_ANSWERS.items()],
        ref_template=REF,
    )
    schema.setdefault("components", {}).setdefault("schemas", {}).update(generated["$defs"])
    paths = schema["paths"]
    for path, answer in JSON_ANSWERS.items():
        content = paths[path]["get"]["responses"]["200"]["content"]
        content["application/json"]["schema"] = {"$ref": REF.format(model=answer.__name__)}
    for path_item in paths.values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and parameter["name"] in DATE_PARAMETERS:
                    described = {k: v for k, v in parameter["schema"].items() if k != "anyOf"}
                    parameter["schema"] = {**described, "type": "string", "format": "date"}
                    # the search form sends an empty field for a bound left open
                    parameter["allowEmptyValue"] = True
    paths["/documents/{doc_id}/pdf"]["get"]["responses"]["200"]["content"] = {
        "application/pdf": {"schema": {"type": "string", "format": "binary"}}
    }
