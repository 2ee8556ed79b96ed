"""The student site driven in headless Chromium, as a student uses it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

LESSON = "sections/basics/m1-what/what-is-a-pipeline.html"
LAB = "sections/basics/m2-landing/labs/land-the-data.html"


def test_home_to_section_to_lab(page: Page, base_url: str) -> None:
    page.goto(base_url)
    expect(page.locator("h1")).to_contain_text("Pipelines in Miniature")
    page.locator("article").get_by_role("link", name="Pipeline Basics").click()
    expect(page.locator("h1")).to_contain_text("Section 1: Pipeline Basics")
    page.locator("article").get_by_role("link", name="Landing data").click()
    expect(page.locator("h1")).to_contain_text("Module 2: Landing data")
    page.locator("article").get_by_role("link", name="Land the data").click()
    expect(page.locator("h1")).to_contain_text("Lab: Land the data")
    expect(page.locator("button.md-code__button[data-md-type=copy]").first).to_be_attached()
    expect(page.get_by_text("Expected output")).to_be_visible()


def test_role_tab_choice_follows_the_student_across_pages(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON)
    page.locator(".tabbed-labels label", has_text="Analyst").first.click()
    expect(page.get_by_text("Mark where the report reads its data.")).to_be_visible()
    page.goto(base_url + "sections/basics/index.html")
    expect(page.get_by_text("Mark where your report data comes from.")).to_be_visible()
    expect(page.get_by_text("Turn the diagram into a runnable spec.")).to_be_hidden()


def test_lens_switch_updates_every_layer_and_survives_instant_navigation(page: Page, base_url: str) -> None:
    page.goto(base_url + "pipeline-view.html")
    layers = page.locator(".layer .lens:not([hidden])")
    expect(layers).to_have_count(2)
    expect(layers.nth(0)).to_contain_text("The systems where sales happen.")
    page.get_by_label("Data architect (AWS)").check()
    expect(layers.nth(0)).to_contain_text("RDS, S3 drops, SaaS APIs.")
    expect(layers.nth(1)).to_contain_text("Glue jobs write raw files to S3.")
    # leave and come back through the navigation (an instant-navigation page change)
    page.locator(".md-nav").get_by_role("link", name="Home").first.click()
    expect(page.locator("h1")).to_contain_text("Pipelines in Miniature")
    page.locator(".md-nav").get_by_role("link", name="The pipeline, layer by layer").first.click()
    expect(page.locator("h1")).to_contain_text("The pipeline, layer by layer")
    expect(layers.nth(0)).to_contain_text("RDS, S3 drops")  # the chosen lens is remembered
    page.get_by_label("Data architect (Azure)").check()
    expect(layers.nth(1)).to_contain_text("Data Factory copies raw files to ADLS.")


def test_quiz_marks_a_right_and_a_wrong_answer(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON)
    question = page.locator("form[data-question=q-stages-order]")
    question.get_by_label("Serve").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".quiz-result")).to_have_text("Not quite. Read the explanation and try again.")
    expect(question.get_by_text("Serving is the last stage.")).to_be_visible()
    question.get_by_label("Ingest").check()
    question.get_by_role("button", name="Check answer").click()
    expect(question.locator(".quiz-result")).to_have_text("Correct!")
    expect(question.get_by_text("Data is ingested before it can be transformed")).to_be_visible()
    numeric = page.locator("form[data-question=q-stage-count]")
    numeric.get_by_role("textbox").fill("4")
    numeric.get_by_role("button", name="Check answer").click()
    expect(numeric.locator(".quiz-result")).to_have_text("Correct!")


def test_lab_prints_without_navigation(page: Page, base_url: str) -> None:
    page.goto(base_url + LAB)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()


def test_site_opened_from_the_file_system_shows_pages_and_searches(page: Page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Pipelines in Miniature")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("idempotent", delay=30)  # Material's search box ignores fill()
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    expect(page.locator(".md-search-result")).to_contain_text("Landing data safely")
    page.goto((site / LAB).as_uri())
    expect(page.locator("h1")).to_contain_text("Lab: Land the data")
