//! The warning of people booked into the same time, as a merge of two
//! devices' records or live sharing can leave them: each person named, with
//! a link to their record to move one appointment.

use crate::domain::clinic::double_bookings::DoubleBooking;
use crate::domain::clinic::time::TimeRange;
use crate::domain::dates::long_date;
use crate::ui::pages::clinic::record_href;
use leptos::prelude::*;

/// The warning for `found`, or nothing when it is empty. A plain function
/// rather than a component with a signal of its own: it keeps the app smaller.
pub fn double_bookings(found: Vec<DoubleBooking>) -> Option<impl IntoView> {
    if found.is_empty() {
        return None;
    }
    let person = |(id, name, times): (u64, String, TimeRange)| {
        view! { <a href=record_href(id)>{name}</a> " at " {times.words()} }
    };
    let items = found
        .into_iter()
        .map(|d| {
            let [first, second] = d.people;
            view! { <li>{long_date(d.date)} ": " {person(first)} " and " {person(second)}</li> }
        })
        .collect_view();
    Some(view! {
        <div class="nhsuk-warning-callout" data-testid="double-bookings">
            <h2 class="nhsuk-warning-callout__label"><span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>"Two people are booked at the same time"</span></h2>
            <p>"They were booked on different devices. Open one person’s record, cancel that appointment and book them another time."</p>
            <ul class="nhsuk-list nhsuk-list--bullet">{items}</ul>
        </div>
    })
}
