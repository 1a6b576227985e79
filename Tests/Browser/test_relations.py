"""Typed relations in the real site: a part and its whole each show the relation, the map draws it dotted, the legend
names it, as a reader sees them."""
import pytest

from conftest import make_driver


@pytest.fixture(scope="module")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def relation_groups(driver):
    """Each group of "Verwante begrippen": its heading and the titles of its concepts."""
    return driver.execute_script("""
        return [...document.querySelectorAll('#verwante-begrippen ~ h3.relation-type')].map(h => [h.textContent,
            [...h.nextElementSibling.querySelectorAll('li > a')].map(a => a.textContent)]);""")


def test_a_whole_and_its_parts_show_the_relation_both_ways(driver, base_url):
    driver.get(base_url + "begrippen/vijf-lenzen/")
    groups = dict(relation_groups(driver))
    assert groups["Heeft als onderdeel"] == ["Psychodynamische lens", "Systemische lens", "Archetypische lens",
                                            "Culturele lens", "Relationeel-ethische lens"]
    driver.get(base_url + "begrippen/systemische-lens/")
    assert dict(relation_groups(driver))["Is onderdeel van"] == ["Vijf lenzen"]


def test_the_map_draws_part_of_dotted_and_the_legend_names_it(driver, base_url):
    driver.get(base_url + "begrippen/box/")
    dashes = driver.execute_script("""
        return [...document.querySelectorAll('.concept-map .edges line')].map(l => [l.getAttribute('class') || '',
            getComputedStyle(l).strokeDasharray]);""")
    part = [dash for kind, dash in dashes if kind == "onderdeel"]
    plain = [dash for kind, dash in dashes if kind == ""]
    assert part and plain and all(dash not in ("none", "") for dash in part) and all(dash == "none" for dash in plain)
    legend = driver.execute_script("return [...document.querySelectorAll('.map-legend li')].map(li => li.textContent);")
    assert "Is onderdeel van / heeft als onderdeel" in legend and "Verwante begrippen" in legend
