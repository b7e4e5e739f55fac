"""Who may see whom: the scope rules every list, report, export and object
view applies. Administrators see everything; a coordinator sees the
institutions of their scope with everything below them; a trainer sees the
learners enrolled on the courses they teach; learners see only themselves."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from .models import Institution, User
from .roles import COORDINATE, SEE_EVERYONE, TEACH


def may_see_everyone(user) -> bool:
    """Administrators (and superusers): no scope limits."""
    return user.has_perm(SEE_EVERYONE)


def may_coordinate(user) -> bool:
    """Coordinators: the institutions of their scope and everything below."""
    return user.has_perm(COORDINATE)


def may_teach(user) -> bool:
    """Trainers: the courses that list them and those courses' learners. A
    superuser holds every permission but teaches nothing by it (they see
    every course anyway, and are not pre-listed on the courses they create)."""
    return user.has_perm(TEACH) and not user.is_superuser


def scope_institution_ids(user) -> set[int] | None:
    """Institution ids within the user's scope, or None for "all of them".
    Computed once per user object (that is, once per request)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    if may_see_everyone(user):
        return None
    if not hasattr(user, "_scope_ids"):
        if may_coordinate(user):
            roots = user.scope.values_list("pk", flat=True)
            user._scope_ids = Institution.objects.subtree_ids(list(roots))
        else:
            user._scope_ids = set()
    return user._scope_ids


def institutions_in_scope(user):
    ids = scope_institution_ids(user)
    queryset = Institution.objects.all()
    return queryset if ids is None else queryset.filter(pk__in=ids)


def participants_in_scope(user):
    """People a user may see: everyone for administrators, the institutions
    of a coordinator's scope, and the learners of the courses a trainer
    teaches (by the course's trainer list)."""
    ids = scope_institution_ids(user)
    queryset = User.objects.select_related("institution")
    if ids is None:
        return queryset
    visible = Q(institution_id__in=ids)
    if may_teach(user):
        taught = User.objects.filter(
            enrolments__course__trainers=user, enrolments__withdrawn_at__isnull=True
        )
        visible |= Q(pk__in=taught.values("pk"))
    return queryset.filter(visible)


def log_entries_visible(user) -> Q | None:
    """Which audit-log entries (Wagtail's ModelLogEntry) a user may read, or
    None for all of them. Besides their own actions: entries about a person
    or an institution in their scope; an entry that records the filters it
    was made with (an export) only when its filtered institution is in their
    scope, since a county-wide export by someone in the school still names
    other schools."""
    ids = scope_institution_ids(user)
    if ids is None:
        return None
    as_text = Cast("pk", CharField())
    user_type = ContentType.objects.get_for_model(User)
    institution_type = ContentType.objects.get_for_model(Institution)
    about_scope = Q(
        content_type=user_type,
        object_id__in=participants_in_scope(user).annotate(key=as_text).values("key"),
    ) | Q(content_type=institution_type, object_id__in=[str(pk) for pk in ids])
    return (
        Q(user_id=user.pk)
        | (~Q(data__has_key="filters") & about_scope)
        | Q(data__filters__institution__id__in=list(ids))
    )
