"""The four roles as Django groups.

The groups and their admin permissions are created by the data migration
`accounts/0003_roles.py`; their names are data shown in the admin, so they
are Polish, while the code refers to them by these constants."""

LEARNER = "Uczestnicy"
TRAINER = "Trenerzy"
COORDINATOR = "Koordynatorzy"
ADMINISTRATOR = "Administratorzy"

ALL_ROLES = (LEARNER, TRAINER, COORDINATOR, ADMINISTRATOR)

# The collection whose images and documents trainers add to and choose from
# (collection permissions created by the same migration).
MEDIA_COLLECTION = "Materiały szkoleń"
