from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0005_h5p"),
    ]

    operations = [
        migrations.AddField(
            model_name="enrolment",
            name="reminded_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last reminder"),
        ),
    ]
