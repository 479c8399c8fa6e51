from matchfair.newsroom.markup import clean, render


def test_render_markdown_to_html():
    assert render("**bold** and [a link](https://example.org)") == (
        '<p><strong>bold</strong> and <a href="https://example.org" '
        'rel="noopener noreferrer nofollow">a link</a></p>\n'
    )


def test_render_raw_html_as_text():
    assert render("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


def test_render_drops_a_javascript_link():
    assert render("[x](javascript:alert(1))") == "<p>[x](javascript:alert(1))</p>\n"


def test_clean_drops_event_handlers_and_unknown_tags():
    assert clean(
        '<img src="/media/newsroom/a.png" onerror="alert(1)"><iframe src="x"></iframe>'
    ) == ('<img src="/media/newsroom/a.png">')


def test_clean_keeps_only_the_newsrooms_own_images():
    assert render(
        "![a](/media/newsroom/images/1/x-800.jpg) ![b](https://elsewhere.example/y.png)"
    ) == ('<p><img src="/media/newsroom/images/1/x-800.jpg" alt="a"> <img alt="b"></p>\n')
