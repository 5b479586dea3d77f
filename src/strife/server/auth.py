"""API tokens: made at random, shown once, kept only as their sha256 hash.

A token is 32 random bytes (`secrets.token_urlsafe`): a fast hash is enough for a secret that
cannot be guessed, and lets a request find its token by an indexed lookup.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update

from strife.store.database import MAX_INTEGER, MIN_INTEGER, Store
from strife.store.schema import ApiToken, utcnow

ROLES = ("reviewer", "admin")
# What each role may do: an admin may do all a reviewer may.
RANK = {"reviewer": 1, "admin": 2}


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a request is: the token's id, name and role."""

    token_id: int
    name: str | None
    role: str

    def may(self, role: str) -> bool:
        return RANK.get(self.role, 0) >= RANK[role]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(store: Store, role: str, name: str | None = None) -> tuple[int, str]:
    """A new token: its id, and the token itself (the only time it is seen)."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; choose from {', '.join(ROLES)}")
    token = secrets.token_urlsafe(32)
    with store.writing() as session:
        row = ApiToken(name=name, role=role, token_hash=hash_token(token), created_at=utcnow())
        session.add(row)
        session.flush()
        return row.id, token


def revoke_token(store: Store, token_id: int) -> bool:
    """Revoke a token; False when there is no such token or it was already revoked."""
    if not MIN_INTEGER <= token_id <= MAX_INTEGER:  # no token has it, and the database cannot bind it
        return False
    with store.writing() as session:
        result = session.execute(
            update(ApiToken)
            .where(ApiToken.id == token_id, ApiToken.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        return result.rowcount == 1


def list_tokens(store: Store) -> list[dict[str, object]]:
    with store.reading() as session:
        rows = session.scalars(select(ApiToken).order_by(ApiToken.id)).all()
        return [
            {
                "id": row.id,
                "name": row.name,
                "role": row.role,
                "created_at": row.created_at.isoformat(),
                "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
            }
            for row in rows
        ]


def authenticate(store: Store, token: str) -> Principal | None:
    """The principal a token stands for; None for an unknown or revoked token."""
    digest = hash_token(token)
    with store.reading() as session:
        row = session.scalar(select(ApiToken).where(ApiToken.token_hash == digest))
    if row is None or row.revoked_at is not None or not hmac.compare_digest(row.token_hash, digest):
        return None
    return Principal(row.id, row.name, row.role)


__all__ = ["ROLES", "Principal", "authenticate", "create_token", "hash_token", "list_tokens", "revoke_token"]
