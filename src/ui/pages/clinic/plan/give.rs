//! `clinic/plan/give?id=`: the person's plan in a QR code, for them to scan
//! with their own phone. It is the link the plan's own sharing makes (the
//! plan deflated in its fragment, never sent anywhere), so it opens on the
//! phone's "receive a plan" page, which asks before keeping it.

use super::{person_here, plan_href, NotHere, NotHereProps};
use crate::domain::fragment::Packed;
use crate::domain::plan::share;
use crate::domain::plan::CarePlan;
use crate::store::json::to_json;
use crate::ui::deflate::deflate;
use crate::ui::layout::BackLink;
use crate::ui::pages::page_title;
use crate::ui::qr::QrCode;
use crate::ui::use_base;
use leptos::prelude::*;

/// The link that opens `plan` on a phone, as the plan's own share makes it.
async fn link_for(plan: &CarePlan, app_root: &str) -> String {
    let json = to_json(plan).unwrap_or_default().into_bytes();
    let packed = match deflate(&json).await {
        Some(deflated) => Packed::Deflated(deflated),
        None => Packed::Plain(json),
    };
    share::link(app_root, &share::seal(&packed))
}

#[component]
pub fn Give() -> impl IntoView {
    let Some((id, name)) = person_here() else {
        return NotHere(NotHereProps {
            title: "Person not found",
            text: "This person is not in the clinic's records on this device.",
        })
        .into_any();
    };
    let Some(plan) = super::newest_plan(id) else {
        return NotHere(NotHereProps {
            title: "There is no plan yet",
            text: "Start a plan from the person's record first.",
        })
        .into_any();
    };
    page_title("Give them their plan");
    let app_root = format!(
        "{}{}",
        window().location().origin().unwrap_or_default(),
        use_base().href("")
    );
    let link = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        link.set(Some(link_for(&plan, &app_root).await));
    });
    let code = move || {
        link.get().map(|link| {
            view! {
                <QrCode text=link.clone() label="QR code holding their plan".to_string()
                    too_long="Their plan is too long to fit in a code. Print it or write it down for them instead." />
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"The link in the code"</span></summary>
                    <div class="nhsuk-details__text">
                        <p>"It opens the plan in the same way, if they would rather type it or have it sent to them."</p>
                        <p class="app-share-link" data-testid="plan-link">{link}</p>
                    </div>
                </details>
            }
        })
    };
    view! {
        <BackLink href=plan_href("clinic/plan", id) text="Back to their plan" />
        <span class="nhsuk-caption-l">{name}</span>
        <h1>"Give them their plan"</h1>
        <ol class="nhsuk-list nhsuk-list--number">
            <li>"Ask them to open the camera on their phone and point it at the code."</li>
            <li>"Their phone opens the plan. They choose whether to keep it there."</li>
            <li>"Check with them that it is on their phone before they leave."</li>
        </ol>
        <p>"The whole plan is inside the code. Nothing is sent over the internet. "
            "Anyone who scans the code can read the plan, so only show it to them."</p>
        {code}
        <p><a href=plan_href("clinic/plan", id)>"Back to their plan"</a></p>
    }
    .into_any()
}
