from django.urls import reverse


def submission_admin_url(submission):
    return reverse("story_submissions:inspect", args=[submission.pk])


def submission_file_admin_url(submitted_file):
    return reverse("story_submissions:file", args=[submitted_file.pk])
