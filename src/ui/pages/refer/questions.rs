//! The question pages, one thing each, in the order they are asked.

use super::{use_draft, QuestionPage};
use crate::domain::referral::*;
use crate::ui::form::{offers, Bound, Checkboxes, DateInput, Radios, TextArea, TextInput};
use crate::ui::practice::use_practice;
use crate::{bind, bind_choice, bind_choices};
use leptos::prelude::*;

/// The page's own copy of the answers, from what is saved.
fn page_form() -> RwSignal<Answers> {
    RwSignal::new(use_draft().value.get_untracked().answers)
}

#[component]
pub fn NamePage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::Name title="What is your name?" form>
            <h1>"What is your name?"</h1>
            <TextInput id="full-name" label="Full name" bind=bind!(form, full_name) autocomplete="name" />
            <TextInput id="preferred-name" label="What would you like us to call you? (optional)"
                hint="For example, Sam instead of Samantha" bind=bind!(form, preferred_name)
                autocomplete="nickname" width="nhsuk-input--width-20" />
        </QuestionPage>
    }
}

#[component]
pub fn DateOfBirthPage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::DateOfBirth title="What is your date of birth?" form>
            <DateInput id="dob" legend="What is your date of birth?" heading=true
                hint="For example, 27 3 1985" autocomplete="bday"
                day=bind!(form, dob_day) month=bind!(form, dob_month) year=bind!(form, dob_year) />
        </QuestionPage>
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let form = page_form();
    let details = ViewFn::from(move || {
        let method = form.with(|a| a.contact_method);
        match method {
            Some(ContactMethod::Text) => view! {
                <TextInput id="phone" label="Mobile number" bind=bind!(form, phone) input_type="tel"
                    autocomplete="tel" width="nhsuk-input--width-20" />
            }
            .into_any(),
            Some(ContactMethod::PhoneCall | ContactMethod::TextRelay) => view! {
                <TextInput id="phone" label="Phone number" bind=bind!(form, phone) input_type="tel"
                    autocomplete="tel" width="nhsuk-input--width-20" />
            }
            .into_any(),
            Some(ContactMethod::SomeoneElse) => view! {
                <TextInput id="someone-else" label="Their name" bind=bind!(form, someone_else) />
                <TextInput id="phone" label="Their phone number" bind=bind!(form, phone) input_type="tel"
                    width="nhsuk-input--width-20" />
            }
            .into_any(),
            Some(ContactMethod::Email) => view! {
                <TextInput id="email" label="Email address" bind=bind!(form, email) input_type="email"
                    autocomplete="email" />
            }
            .into_any(),
            Some(ContactMethod::Letter) => view! {
                <TextArea id="address" label="Address" bind=bind!(form, address) rows=3
                    autocomplete="street-address" />
                <TextInput id="postcode" label="Postcode" bind=bind!(form, postcode)
                    autocomplete="postal-code" width="nhsuk-input--width-10" />
            }
            .into_any(),
            None => ().into_any(),
        }
    });
    view! {
        <QuestionPage step=Step::Contact title="How would you like us to contact you?" form>
            <Radios id="contact-method" legend="How would you like us to contact you?" heading=true
                choices={offers::<ContactMethod>()} bind=bind_choice!(form, contact_method) conditional=details />
        </QuestionPage>
    }
}

#[component]
pub fn ContactTimesPage() -> impl IntoView {
    let form = page_form();
    let asks = form.with_untracked(Answers::asks_about_messages);
    view! {
        <QuestionPage step=Step::ContactTimes title="When is it best to contact you?" form>
            <h1>"When is it best to contact you?"</h1>
            {asks.then(|| view! {
                <Radios id="leave-message" legend="Can we leave a message if you do not answer?"
                    choices={offers::<YesNo>()} bind=bind_choice!(form, leave_message) inline=true />
            })}
            <TextArea id="best-times" label="Best days and times (optional)" rows=2
                hint="For example, weekday mornings, or not on Thursdays" bind=bind!(form, best_times) />
        </QuestionPage>
    }
}

#[component]
pub fn SupportPage() -> impl IntoView {
    let form = page_form();
    let other = ViewFn::from(move || {
        view! {
            <TextInput id="support-other" label="What else would you like support with?" bind=bind!(form, support_other) />
        }
    });
    view! {
        <QuestionPage step=Step::Support title="What would you like support with?" form>
            <Checkboxes id="support" legend="What would you like support with?" heading=true
                hint="Select all that apply." choices={offers::<SupportNeed>()} bind=bind_choices!(form, support)
                reveal={SupportNeed::SomethingElse.key()} conditional=other />
        </QuestionPage>
    }
}

#[component]
pub fn OwnWordsPage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::OwnWords title="Tell us more in your own words" form>
            <TextArea id="own-words" label="Tell us more in your own words (optional)" heading=true
                hint="For example, what is happening for you and what might help. You can skip this."
                bind=bind!(form, own_words) limit=OWN_WORDS_LIMIT rows=8 />
        </QuestionPage>
    }
}

#[component]
pub fn BarriersPage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::Barriers title="Is anything making it hard to get to appointments?" form>
            <Checkboxes id="barriers" legend="Is anything making it hard to get to appointments?" heading=true
                hint="This helps us find a time and place that works for you. Select all that apply."
                choices={offers::<Barrier>()} bind=bind_choices!(form, barriers) exclusive={Barrier::None.key()} />
        </QuestionPage>
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::Meeting title="How would you prefer to meet a link worker?" form>
            <Radios id="meeting" legend="How would you prefer to meet a link worker?" heading=true
                choices={offers::<Meeting>()} bind=bind_choice!(form, meeting) />
        </QuestionPage>
    }
}

#[component]
pub fn CommunicationPage() -> impl IntoView {
    let form = page_form();
    view! {
        <QuestionPage step=Step::Communication title="Do you need any help to communicate with us?" form>
            <h1>"Do you need any help to communicate with us? (optional)"</h1>
            <p class="nhsuk-hint">"Tell us what helps, so we can contact you in a way that works for you. Skip this if you do not need anything."</p>
            <Checkboxes id="formats" legend="Information in another format"
                choices={offers::<Format>()} bind=bind_choices!(form, formats) />
            <Checkboxes id="professionals" legend="Someone to help at appointments"
                choices={offers::<Professional>()} bind=bind_choices!(form, professionals) />
            <Checkboxes id="other-support" legend="Other support"
                choices={offers::<OtherSupport>()} bind=bind_choices!(form, other_support) />
            <TextInput id="communication-other" label="Anything else that would help (optional)"
                bind=bind!(form, communication_other) />
        </QuestionPage>
    }
}

#[component]
pub fn LanguagePage() -> impl IntoView {
    let form = page_form();
    if form.with_untracked(|a| a.language.trim().is_empty()) {
        form.update(|a| a.language = "English".to_string());
    }
    view! {
        <QuestionPage step=Step::Language title="Which language would you like to use?" form>
            <TextInput id="language" label="Which language would you like to use?" heading=true
                hint="For example, English, Polish or Urdu" bind=bind!(form, language)
                width="nhsuk-input--width-20" />
            <Radios id="interpreter" legend="Do you need an interpreter?"
                choices={offers::<YesNo>()} bind=bind_choice!(form, interpreter) inline=true />
        </QuestionPage>
    }
}

#[component]
pub fn PracticePage() -> impl IntoView {
    let form = page_form();
    let practice = use_practice();
    // Filled in from the practice's config once it has loaded, unless the person has typed their own.
    Effect::new(move || {
        let name = practice.get().practice_name;
        if form.with_untracked(|a| a.practice.trim().is_empty()) {
            form.update(|a| a.practice = name);
        }
    });
    view! {
        <QuestionPage step=Step::Practice title="What is the name of your GP practice?" form>
            <TextInput id="practice" label="What is the name of your GP practice?" heading=true
                hint="We have filled this in for you. Change it if it is not right." bind=bind!(form, practice)
                autocomplete="organization" />
        </QuestionPage>
    }
}

#[component]
pub fn ConsentPage() -> impl IntoView {
    let form = page_form();
    let agree = Bound {
        get: Signal::derive(move || {
            if form.with(|a| a.consent_contact) {
                vec!["agree"]
            } else {
                Vec::new()
            }
        }),
        set: Callback::new(move |ticked: Vec<&'static str>| {
            form.update(|a| a.consent_contact = !ticked.is_empty())
        }),
    };
    view! {
        <QuestionPage step=Step::Consent title="Before you send this" form>
            <h1>"Before you send this"</h1>
            <Checkboxes id="consent-contact" legend="Can a link worker contact you?" bind=agree
                choices=vec![("agree", "I agree to a link worker from my GP practice contacting me in the way I chose")] />
            <Radios id="consent-record" legend="Can the practice add this referral to your GP record?"
                hint="Your GP record is where the practice keeps notes about your health and care. If you say no, the link worker can still help you."
                choices={offers::<YesNo>()} bind=bind_choice!(form, consent_record) inline=true />
        </QuestionPage>
    }
}
