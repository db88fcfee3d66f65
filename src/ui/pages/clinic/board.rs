//! "Meet the volunteers": a sheet for the surgery's board with the faces of
//! the volunteers who agreed to be shown, and the same faces as a file
//! (`volunteers.json`) for the practice to put on its website.

use super::publicity::clinic_times_line;
use super::{href, use_clinic};
use crate::domain::clinic::faces::{faces, faces_file};
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::photo::Faces;
use crate::ui::practice::use_practice;
use leptos::prelude::*;

#[component]
pub fn Board() -> impl IntoView {
    page_title("Meet the volunteers");
    let clinic = use_clinic();
    let practice = use_practice();
    let times = clinic_times_line();
    let shown = Memo::new(move |_| clinic.value.with(|c| faces(&c.volunteers)));
    let download = move |_| {
        let file = shown.with_untracked(|f| faces_file(f));
        crate::ui::download(&file, "application/json", "volunteers.json");
    };
    let sheet = move || {
        if shown.with(Vec::is_empty) {
            return view! {
                <div class="nhsuk-inset-text app-no-print">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <p>"No volunteer has agreed to be shown yet. On the "
                        <a href=href("clinic/volunteers")>"volunteers page"</a>
                        ", change a volunteer’s details to add their first name, a line about them and a photo, and tick that they agree."</p>
                </div>
            }
            .into_any();
        }
        view! {
            <div class="app-no-print">
                <p><button type="button" class="nhsuk-button" on:click=move |_| { let _ = window().print(); }>"Print the board"</button></p>
                <h2>"On the practice’s website"</h2>
                <p>"Self-referral’s last page can show these faces too. Download the file below and give it to the practice. "
                    "They copy it into the app’s folder on the website, beside " <code>"config.json"</code>
                    ", and write " <code>"\"show_volunteers\": true"</code> " in " <code>"config.json"</code> ". "
                    "Download it again after a volunteer changes their details or stops agreeing, so the website stays right."</p>
                <p><button type="button" class="nhsuk-button nhsuk-button--secondary" on:click=download>
                    "Download the faces file for the website"</button></p>
                <h2>"The board"</h2>
            </div>
            <div class="app-board" data-testid="board">
                <p class="app-board__title">"Meet the volunteers"</p>
                <p class="app-board__lead">{move || format!("Volunteer link workers at {}. Ask us about local support, groups and things to do.", practice.get().practice_name)}</p>
                <Faces faces=shown.get() />
                <p class="app-board__when"><strong>"When: "</strong>{times}</p>
                <p>"Ask at reception to book a time with us."</p>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="app-no-print">
            <BackLink href=href("clinic") text="Back to the clinic" />
            <h1>"Meet the volunteers"</h1>
            <p>"An A4 sheet for the surgery’s board with the volunteers who agreed to be shown: their first name, their line and their photo, and when the clinic runs."</p>
        </div>
        {sheet}
    }
}
