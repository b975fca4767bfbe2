"""The sandbox's one server: two channels and a thread, you (the poster), a second member, a
moderator and an admin, so that every permission Skim checks can be tried from the page."""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.discord_server import (
    EVERYONE_PERMISSIONS,
    MANAGE_GUILD,
    MANAGE_MESSAGES,
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
)

GUILD_ID = 1_000_000_000_000_000_001


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the page can act as, with what they may do in one word."""

    user: FakeUser
    role: str

    def to_json(self) -> dict[str, str]:
        """As the page lists them."""
        return {"id": str(self.user.id), "name": self.user.username, "role": self.role}


@dataclass(frozen=True, slots=True)
class SandboxGuild:
    """The server, and who is in it (the first person is "you")."""

    guild: FakeGuild
    people: tuple[Person, ...]

    @property
    def id(self) -> int:
        """The guild id (the sandbox syncs Skim's commands to it, as to a dev server)."""
        return self.guild.id

    @property
    def general(self) -> int:
        """The channel the page opens on."""
        return self.guild.channels[0].id

    def person(self, user_id: int) -> Person | None:
        """The person with this id, if any."""
        return next((p for p in self.people if p.user.id == user_id), None)


def sandbox_guild() -> SandboxGuild:
    """The sandbox server, the same at every start."""
    base = GUILD_ID
    moderators = FakeRole(base + 10, "Moderator", MANAGE_MESSAGES, position=1)
    admins = FakeRole(base + 11, "Admin", MANAGE_GUILD, position=2)
    people = (
        Person(FakeUser(base + 21, "you"), "poster"),
        Person(FakeUser(base + 22, "sam"), "member"),
        Person(FakeUser(base + 23, "mo"), "moderator (Manage Messages)"),
        Person(FakeUser(base + 24, "ada"), "admin (Manage Server)"),
    )
    roles_of = {base + 23: (moderators.id,), base + 24: (admins.id,)}
    guild = FakeGuild(
        id=base,
        name="Skim Sandbox",
        channels=[
            FakeChannel(base + 1, "general"),
            FakeChannel(base + 2, "reading"),
            FakeChannel(base + 3, "a-thread", type=11, parent_id=base + 1),
        ],
        roles=[FakeRole(base, "@everyone", EVERYONE_PERMISSIONS), moderators, admins],
        members=[FakeMember(p.user, roles_of.get(p.user.id, ())) for p in people],
        owner_id=base + 99,  # nobody here owns it: permissions come from the roles
    )
    return SandboxGuild(guild=guild, people=people)
