"""``/api/...``: ask, documents (list, read, upload, remove, link), facts, and who I am."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile

from assistant.access import policy
from assistant.access.policy import AccessDenied, Caller
from assistant.core.errors import ProjdocsError
from assistant.core.types import Answer
from assistant.store.database import Filters, StoredDocument

FACT_KINDS = {"indicators": ["indicator"], "budget": ["budget"], "qa": ["qa_section", "qa_question"]}


class AskFilters(BaseModel):
    model_config = ConfigDict(extra="forbid")

    project: str = Field(default="", description="Only documents of this project number.")
    doc_type: Literal["", "project_document", "qa_report", "document"] = Field(
        default="", description="Only this type."
    )
    sources: list[str] = Field(default_factory=list, description="Only these documents (file names).")


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="The question.", examples=["What were the 2022 targets for indicator 2.3?"])
    history: list[str] = Field(default_factory=list, description="Earlier questions of the conversation, oldest first.")
    filters: AskFilters = Field(default_factory=AskFilters)


class DocumentOut(BaseModel):
    source: str = Field(description="File name: the document's id.")
    title: str
    doc_type: str
    project: str = Field(description="The project number the document carries.")
    projects: list[str] = Field(description="The projects it belongs to (its own, or chosen at upload and by links).")
    owner: str = Field(description="Who uploaded it (empty: ingested without a login).")
    chunks: int
    pages: int | None
    period: list[int] | None
    ingested_at: float


class Outcome(BaseModel):
    file: str
    source: str
    ok: bool
    detail: str


class LinkRequest(BaseModel):
    project: str = Field(description="The project number to add the document to.")


def answer_json(answer: Answer) -> dict[str, Any]:
    """The ``projdocs ask --json`` object (``notes`` only when there are some)."""
    return answer.model_dump(mode="json", exclude={"notes"} if not answer.notes else set())


def document_out(doc: StoredDocument) -> DocumentOut:
    return DocumentOut(
        source=doc.source,
        title=doc.title,
        doc_type=doc.doc_type,
        project=doc.project_number,
        projects=list(doc.member_projects),
        owner=doc.owner,
        chunks=doc.n_chunks,
        pages=doc.pages,
        period=list(doc.period) if doc.period else None,
        ingested_at=doc.ingested_at,
    )


def not_found(source: str) -> HTTPException:
    return HTTPException(404, detail=f"{source} is not in the index")


def ask_filters(services: Any, caller: Caller, filters: AskFilters) -> Filters:
    wanted = Filters(sources=tuple(filters.sources), doc_type=filters.doc_type, project_number=filters.project)
    return policy.restrict_filters(wanted, caller, services.store.documents())


def router(services: Any, get_caller: Callable[..., Caller]) -> APIRouter:
    api = APIRouter(prefix="/api", tags=["api"])

    @api.post("/ask", responses={200: {"model": Answer}}, response_model=None, summary="Answer a question")
    def ask(body: AskRequest, caller: Caller = Depends(get_caller)) -> JSONResponse:
        """One cited answer, the same object as ``projdocs ask --json``; only the caller's documents count."""
        filters = ask_filters(services, caller, body.filters)
        try:
            answer = services.assistant.ask(body.question, history=body.history, filters=filters)
        except ProjdocsError as exc:
            raise HTTPException(503, detail=str(exc)) from exc
        return JSONResponse(answer_json(answer))

    @api.get("/documents", summary="The caller's documents")
    def documents(caller: Caller = Depends(get_caller)) -> list[DocumentOut]:
        return [document_out(d) for d in policy.visible_documents(services.store, caller)]

    # a source may hold "/" ("2021/report.pdf"): the routes with a suffix come before the bare one
    @api.get("/documents/{source:path}/text", summary="A document's text", response_class=Response)
    def document_text(source: str, caller: Caller = Depends(get_caller)) -> Response:
        try:
            policy.find_document(services.store, caller, source)
        except AccessDenied as exc:
            raise not_found(source) from exc
        return Response(services.store.document_text(source) or "", media_type="text/plain; charset=utf-8")

    @api.get("/documents/{source:path}", summary="One document", responses={404: {"description": "Not visible"}})
    def document(source: str, caller: Caller = Depends(get_caller)) -> DocumentOut:
        try:
            return document_out(policy.find_document(services.store, caller, source))
        except AccessDenied as exc:
            raise not_found(source) from exc

    @api.post(
        "/documents",
        summary="Upload documents",
        openapi_extra={
            "requestBody": {
                "content": {
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                                "project": {"type": "string", "description": "The project to add them to."},
                            },
                            "required": ["files"],
                        }
                    }
                },
                "required": True,
            }
        },
    )
    async def upload(request: Request, caller: Caller = Depends(get_caller)) -> list[Outcome]:
        """PDF, DOCX, TXT or MD files (field ``files``, several allowed) into ``project`` (one of
        the caller's; empty: the number a document carries when it is the caller's). 413 over the
        request limit; per file: ok, or failed with the reason."""
        from starlette.concurrency import run_in_threadpool

        limits = services.uploads.limits
        length = int(request.headers.get("content-length") or 0)
        if not length:
            raise HTTPException(411, detail="send the upload with a Content-Length")
        if length > limits.max_request_mb * 2**20 + 64 * 1024:
            raise HTTPException(413, detail=f"at most {limits.max_request_mb:g} MB at once")
        form = await request.form(max_files=limits.max_files, max_fields=10)
        folder = Path(tempfile.mkdtemp(prefix="projdocs-upload-"))
        try:
            files = []
            for n, item in enumerate(form.getlist("files")):
                if isinstance(item, UploadFile):
                    target = folder / str(n)
                    target.mkdir()
                    path = target / (Path(item.filename or "upload").name or "upload")
                    with path.open("wb") as out:
                        shutil.copyfileobj(item.file, out)
                    files.append((item.filename or "upload", path))
            if not files:
                raise HTTPException(422, detail="no files: send them in the multipart field 'files'")
            project = str(form.get("project") or "")
            outcomes = await run_in_threadpool(services.uploads.ingest, caller, files, project)
        finally:
            await form.close()
            shutil.rmtree(folder, ignore_errors=True)  # the temporary copies never stay
        return [Outcome(file=o.file, source=o.source, ok=o.ok, detail=o.detail) for o in outcomes]

    @api.post("/documents/{source:path}/projects", summary="Link a document to another project")
    def link(source: str, body: LinkRequest, caller: Caller = Depends(get_caller)) -> DocumentOut:
        """The caller needs access to the document and to the project."""
        try:
            policy.find_document(services.store, caller, source)
        except AccessDenied as exc:
            raise not_found(source) from exc
        try:
            return document_out(policy.link(services.store, caller, source, body.project))
        except AccessDenied as exc:
            raise HTTPException(403, detail=str(exc)) from exc

    @api.delete("/documents/{source:path}/projects/{project}", summary="Unlink a document from a project")
    def unlink(source: str, project: str, caller: Caller = Depends(get_caller)) -> DocumentOut:
        try:
            policy.find_document(services.store, caller, source)
        except AccessDenied as exc:
            raise not_found(source) from exc
        try:
            return document_out(policy.unlink(services.store, caller, source, project))
        except AccessDenied as exc:
            raise HTTPException(403, detail=str(exc)) from exc
        except ProjdocsError as exc:
            raise HTTPException(409, detail=str(exc)) from exc

    @api.delete("/documents/{source:path}", status_code=204, summary="Remove a document")
    def remove(source: str, caller: Caller = Depends(get_caller)) -> Response:
        try:
            services.uploads.remove(caller, source)
        except AccessDenied as exc:
            raise not_found(source) from exc
        return Response(status_code=204)

    @api.get("/facts", summary="Records read from the tables")
    def facts(
        kind: Literal["indicators", "budget", "qa"] | None = None, caller: Caller = Depends(get_caller)
    ) -> list[dict[str, Any]]:
        """Indicators, budget lines and QA answers of the caller's documents."""
        from assistant.answer.fact_rows import record_rows

        visible = {d.source for d in policy.visible_documents(services.store, caller)}
        kinds = FACT_KINDS[kind] if kind else None
        return [row for row in record_rows(services.store, kinds) if row.get("source") in visible]

    @api.get("/me", summary="Who the API takes the caller to be")
    def me(caller: Caller = Depends(get_caller)) -> dict[str, Any]:
        return {
            "user": caller.name,
            "admin": caller.admin,
            "projects": None if caller.projects is None else sorted(caller.projects),
        }

    return api
