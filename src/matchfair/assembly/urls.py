from django.urls import path

from matchfair.assembly import idea_views, motion_views, revote_views, views, workplan_views

app_name = "assembly"
urlpatterns = [
    path("<int:pk>/", views.session_page, name="session"),
    path("<int:pk>/quorum/", views.quorum_fragment, name="quorum"),
    path("attendees/<int:pk>/check-in/", views.check_in_page, name="check_in"),
    path("elections/<int:pk>/ballot/", views.ballot_page, name="ballot"),
    path("elections/<int:pk>/revote/", revote_views.revote_page, name="revote"),
    path("elections/<int:pk>/result/", views.result_page, name="result"),
    path("elections/<int:pk>/record.json", views.record_download, name="record"),
    path("elections/<int:pk>/open/", views.open_page, name="open"),
    path("elections/<int:pk>/close/", views.close_page, name="close"),
    path("elections/<int:pk>/publish/", views.publish_page, name="publish"),
    # The ideas board.
    path("partnerships/", idea_views.partnerships, name="partnerships"),
    path("networks/<int:network>/ideas/", idea_views.board, name="ideas"),
    path("networks/<int:network>/ideas/new/", idea_views.propose, name="idea_new"),
    path("ideas/<int:pk>/", idea_views.idea_page, name="idea"),
    path("ideas/<int:pk>/comment/", idea_views.comment, name="idea_comment"),
    path("ideas/<int:pk>/support/", idea_views.support, name="idea_support"),
    path("ideas/<int:pk>/unsupport/", idea_views.unsupport, name="idea_unsupport"),
    path("ideas/<int:pk>/evaluate/", idea_views.evaluate, name="idea_evaluate"),
    path("ideas/<int:pk>/accept/", idea_views.accept, name="idea_accept"),
    path("ideas/<int:pk>/refuse/", idea_views.refuse, name="idea_refuse"),
    # The work plan.
    path("networks/<int:network>/work-plan/", workplan_views.work_plan, name="work_plan"),
    path("networks/<int:network>/work-plan/add/", workplan_views.add_item, name="work_item_add"),
    path("networks/<int:network>/work-plan.csv", workplan_views.export_csv, name="work_plan_csv"),
    path(
        "networks/<int:network>/work-plan/import/",
        workplan_views.import_csv,
        name="work_plan_import",
    ),
    path("work-plan/<int:pk>/", workplan_views.item_page, name="work_item"),
    path("work-plan/<int:pk>/edit/", workplan_views.edit_item, name="work_item_edit"),
    path("work-plan/<int:pk>/progress/", workplan_views.report_progress, name="work_item_progress"),
    path("work-plan/<int:pk>/milestones/", workplan_views.add_milestone, name="milestone_add"),
    path("milestones/<int:pk>/done/", workplan_views.milestone_done, name="milestone_done"),
    path("<int:pk>/proxies/", motion_views.proxies_page, name="proxies"),
    path("proxies/<int:pk>/withdraw/", motion_views.withdraw_proxy_page, name="withdraw_proxy"),
    path("<int:pk>/motions/new/", motion_views.propose_page, name="propose"),
    path("motions/<int:pk>/", motion_views.motion_page, name="motion"),
    path("motions/<int:pk>/vote/", motion_views.motion_vote_page, name="motion_vote"),
    path("motions/<int:pk>/second/", motion_views.second_page, name="second"),
    path("motions/<int:pk>/withdraw/", motion_views.withdraw_motion_page, name="withdraw_motion"),
    path("motions/<int:pk>/open/", motion_views.open_motion_page, name="open_motion"),
    path("motions/<int:pk>/close/", motion_views.close_motion_page, name="close_motion"),
    path("<int:pk>/minutes.pdf", motion_views.minutes_download, name="minutes"),
    path("<int:pk>/minutes/publish/", motion_views.publish_minutes_page, name="publish_minutes"),
]
