"""Who may manage newsbot on Slack: workspace admins and owners, and members of the configured user group."""

from __future__ import annotations

import logging

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

log = logging.getLogger(__name__)


class Access:
    """Answers whether a user may post digests and change feeds; any API failure means no."""

    def __init__(self, client: AsyncWebClient, admin_group: str | None) -> None:
        self._client = client
        self._group = (admin_group or "").strip().lstrip("@").casefold() or None
        self._group_id: str | None = None

    async def can_manage(self, user_id: str) -> bool:
        """True for an admin or owner of the workspace, or a member of the admin group."""
        try:
            info = await self._client.users_info(user=user_id)
            user = info.get("user") or {}
            if user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"):
                return True
            group = await self._admin_group_id()
            if group is None:
                return False
            members = await self._client.usergroups_users_list(usergroup=group)
            return user_id in (members.get("users") or [])
        except (SlackApiError, SlackClientError, aiohttp.ClientError, TimeoutError) as exc:
            log.warning("cannot tell whether %s may manage newsbot: %s", user_id, exc)
            return False

    async def _admin_group_id(self) -> str | None:
        """The id of the user group named in config (by handle, name or id), looked up once."""
        if self._group is None or self._group_id is not None:
            return self._group_id
        groups = await self._client.usergroups_list()
        for group in groups.get("usergroups") or []:
            names = {str(group.get(k) or "").casefold() for k in ("id", "handle", "name")}
            if self._group in names:
                self._group_id = str(group["id"])
                return self._group_id
        log.warning("no Slack user group is called %r (slack.admin_group)", self._group)
        return None
