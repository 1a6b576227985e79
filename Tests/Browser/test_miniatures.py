"""Miniatures as pages of their own, in headless Chromium: the overview lists each once with its lenses, a reader
goes from one to the next in the order of the series, and a lens's page lists its miniatures."""
from selenium.webdriver.common.by import By


def test_overview_lists_each_miniature_once_with_its_lenses(browser, base_url):
    browser.get(base_url + "miniaturen/")
    titles = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".miniature-list h2 a")]
    assert titles == ["De CFO en het dashboard", "Het te grote pak", "De CEO die mee wil met AI", "De afdelingsmanager in de zorg"]
    lenses = browser.find_elements(By.CSS_SELECTOR, ".miniature-list > li")[2].find_elements(By.CSS_SELECTOR, ".lens-tags a")
    assert [link.text for link in lenses] == ["Culturele lens", "Archetypische lens", "Relationeel-ethische lens"]


def test_next_leads_through_the_series_and_opens_with_the_summary(browser, base_url):
    browser.get(base_url + "miniaturen/de-cfo-en-het-dashboard/")
    seen = []
    while True:
        seen.append(browser.find_element(By.TAG_NAME, "h1").text)
        lede = browser.find_element(By.CSS_SELECTOR, ".page-header .lede").text
        assert not lede.startswith("De eerste miniatuur"), lede
        # The text opens with the scene itself; the article's sentence that leads into it stays in the article.
        opening = browser.find_element(By.CSS_SELECTOR, ".prose p").text
        assert " miniatuur " not in opening.split(".")[0], opening
        following = browser.find_elements(By.CSS_SELECTOR, "a[rel=next]")
        if not following:
            break
        following[0].click()
    assert seen == ["De CFO en het dashboard", "Het te grote pak", "De CEO die mee wil met AI", "De afdelingsmanager in de zorg"]
    assert browser.find_elements(By.CSS_SELECTOR, "a[rel=prev]")


def test_the_article_leads_into_each_miniature_with_its_own_sentence(browser, base_url):
    browser.get(base_url + "artikelen/de-kunst-van-het-leiden/")
    figure = browser.find_element(By.ID, "miniatuur-de-cfo-en-het-dashboard")
    before = figure.find_element(By.XPATH, "preceding-sibling::p[1]").text
    assert before.startswith("De eerste miniatuur is die van de CFO en het dashboard."), before
    assert figure.find_element(By.CSS_SELECTOR, "p").text.startswith("Hij is zichtbaar trots")


def test_a_lens_page_lists_its_miniatures(browser, base_url):
    browser.get(base_url + "begrippen/systemische-lens/")
    section = browser.find_element(By.CSS_SELECTOR, "section[aria-labelledby=miniaturen-door-deze-lens]")
    assert [link.text for link in section.find_elements(By.CSS_SELECTOR, "li > a")] == ["De afdelingsmanager in de zorg", "De CFO en het dashboard"]
