"""Trainers add screenshots, videos and downloads to lessons: they choose from
and upload to the shared media collection; coordinators only choose from it."""

import importlib
import io

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from accounts import roles
from tests import factories
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "#0b3d91").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def shared_media():
    collection = Collection.objects.get(name=roles.MEDIA_COLLECTION)
    image = get_image_model().objects.create(
        title="Zrzut ekranu ePUAP",
        file=ImageFile(io.BytesIO(_png()), name="epuap.png"),
        collection=collection,
    )
    document = get_document_model().objects.create(
        title="Instrukcja podpisu zaufanego",
        file=ContentFile(b"instrukcja", name="instrukcja.txt"),
        collection=collection,
    )
    return {"collection": collection, "image": image, "document": document}


def _login(client, role, email):
    factories.user_with_role(role, email=email, password=TEST_PASSWORD)
    assert client.login(email=email, password=TEST_PASSWORD)
    return client


def test_trainer_chooses_shared_media_and_may_upload(client, shared_media):
    _login(client, roles.TRAINER, "trener.media@example.org")
    images = client.get("/admin/images/chooser/").json()["html"]
    assert "Zrzut ekranu ePUAP" in images
    assert 'id="tab-label-upload"' in images
    documents = client.get("/admin/documents/chooser/").json()["html"]
    assert "Instrukcja podpisu zaufanego" in documents
    assert 'id="tab-label-upload"' in documents

    menu = client.get("/admin/").content.decode()
    assert '"/admin/images/"' in menu
    assert '"/admin/documents/"' in menu


def test_trainer_uploads_an_image_and_a_document(client, shared_media):
    _login(client, roles.TRAINER, "trener.upload@example.org")
    collection = shared_media["collection"]
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Formularz wniosku",
            "file": SimpleUploadedFile("wniosek.png", _png(), content_type="image/png"),
            "collection": collection.pk,
            "alt_text": "Formularz wniosku w ePUAP",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert get_image_model().objects.get(title="Formularz wniosku").collection == collection

    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Lista kontrolna",
            "file": SimpleUploadedFile("lista.txt", b"1. Zaloguj sie", content_type="text/plain"),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert get_document_model().objects.get(title="Lista kontrolna").collection == collection


def test_coordinator_chooses_shared_media_but_does_not_upload(client, shared_media):
    _login(client, roles.COORDINATOR, "koordynator.media@example.org")
    images = client.get("/admin/images/chooser/").json()["html"]
    assert "Zrzut ekranu ePUAP" in images
    assert 'id="tab-label-upload"' not in images
    assert client.get("/admin/images/add/").status_code == 302  # refused, back to the dashboard


def test_installs_made_before_the_collection_get_it_from_the_migration():
    GroupCollectionPermission.objects.all().delete()
    Collection.objects.filter(name=roles.MEDIA_COLLECTION).delete()
    migration = importlib.import_module("accounts.migrations.0008_media_collection")
    migration.grant_media_collection(django_apps, None)
    migration.grant_media_collection(django_apps, None)  # idempotent
    collection = Collection.objects.get(name=roles.MEDIA_COLLECTION)
    assert collection.get_parent() == Collection.get_first_root_node()
    trainers = GroupCollectionPermission.objects.filter(
        collection=collection, group__name=roles.TRAINER
    )
    assert sorted(trainers.values_list("permission__codename", flat=True)) == [
        "add_document", "add_image", "change_document", "change_image",
        "choose_document", "choose_image",
    ]  # fmt: skip
