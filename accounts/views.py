"""Views a person uses for their own account: accepting an invitation, the
RODO acknowledgement, the profile and the download of their data."""

import json

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lms.redirects import safe_redirect_target

from . import privacy, roles, services
from .forms import ProfileForm, SetPasswordForm
from .models import AccountSettings
from .personal_data import personal_data_export


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = services.invitation_check(token=token)
    except services.AccountError as error:
        status = 404 if error.message is services.INVITATION_INVALID else 410
        return render(
            request, "accounts/invitation_invalid.html", {"message": error.message}, status=status
        )
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(token=token, password=form.cleaned_data["password1"])
        except ValidationError as error:
            form.add_error("password1", error)
        except services.AccountError as error:
            return render(
                request, "accounts/invitation_invalid.html", {"message": error.message}, status=410
            )
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your password is set. Welcome to Cyfrowa Akademia!"))
            return redirect(roles.landing_url(user))
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invited": invitation.user}
    )


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next")
    return safe_redirect_target(request, target, fallback=roles.landing_url(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def privacy_acknowledge(request):
    notice = privacy.current_notice()
    if notice is None:
        raise Http404
    if request.method == "POST":
        services.privacy_acknowledge(user=request.user, notice=notice)
        privacy.remember_in_session(request, notice.version)
        return redirect(_safe_next(request))
    return render(
        request,
        "accounts/privacy_acknowledge.html",
        {"notice": notice, "next": _safe_next(request)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    collect_gender = AccountSettings.load(request_or_site=request).report_by_gender
    form = ProfileForm(request.POST or None, instance=request.user, collect_gender=collect_gender)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def personal_data_download(request):
    body = json.dumps(personal_data_export(request.user), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="moje-dane-cyfrowa-akademia.json"'
    response["Cache-Control"] = "no-store"
    return response
