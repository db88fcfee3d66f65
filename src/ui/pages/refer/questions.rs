//! The question pages, one thing each, in the order they are asked.
//!
//! Every page is data (its fields, with plain functions to read and write
//! each answer) drawn by one component. A component per page would compile
//! each page's view into its own code: about 10 KB of wasm a page.

use super::{use_draft, QuestionPage};
use crate::domain::referral::*;
use crate::ui::form::{offers, Bound, Checkboxes, DateInput, Offer, Radios, TextArea, TextInput};
use crate::ui::pages::NotFound;
use crate::ui::practice::use_practice;
use leptos::prelude::*;

/// One thing a question page shows.
pub enum Field {
    /// The page's heading, when its question is not the first field's label.
    Heading(&'static str),
    /// A line of guidance under the heading.
    Lead(&'static str),
    Text(TextField),
    Choice(ChoiceField),
    Choices(ChoicesField),
    DateOfBirth,
    /// Fields shown only when the answers so far call for them.
    When(fn(&Answers) -> bool, &'static [Field]),
}

pub struct TextField {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    /// `None` for one line; `Some(rows)` for a text area.
    pub rows: Option<u32>,
    pub limit: Option<usize>,
    pub input_type: &'static str,
    pub autocomplete: Option<&'static str>,
    pub width: Option<&'static str>,
    pub answer: fn(&mut Answers) -> &mut String,
}

pub struct ChoiceField {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    pub inline: bool,
    pub offers: fn() -> Vec<Offer>,
    pub get: fn(&Answers) -> Option<&'static str>,
    pub set: fn(&mut Answers, Option<&'static str>),
    /// The fields shown under the chosen answer.
    pub reveal: fn(Option<&'static str>) -> &'static [Field],
}

pub struct ChoicesField {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub heading: bool,
    pub offers: fn() -> Vec<Offer>,
    pub get: fn(&Answers) -> Vec<&'static str>,
    pub set: fn(&mut Answers, Vec<&'static str>),
    pub exclusive: Option<&'static str>,
    pub reveal: Option<(&'static str, &'static [Field])>,
}

/// A question page: its title (for the browser tab) and what it shows.
pub struct Question {
    pub step: Step,
    pub title: &'static str,
    pub fields: &'static [Field],
}

const TEXT: TextField = TextField {
    id: "",
    label: "",
    hint: None,
    heading: false,
    rows: None,
    limit: None,
    input_type: "text",
    autocomplete: None,
    width: None,
    answer: |a| &mut a.full_name,
};

const CHOICE: ChoiceField = ChoiceField {
    id: "",
    legend: "",
    hint: None,
    heading: false,
    inline: false,
    offers: offers::<YesNo>,
    get: |_| None,
    set: |_, _| {},
    reveal: |_| &[],
};

const CHOICES: ChoicesField = ChoicesField {
    id: "",
    legend: "",
    hint: None,
    heading: false,
    offers: offers::<SupportNeed>,
    get: |_| Vec::new(),
    set: |_, _| {},
    exclusive: None,
    reveal: None,
};

fn keys<C: Choice>(choices: &[C]) -> Vec<&'static str> {
    choices.iter().map(|c| c.key()).collect()
}

fn from_keys<C: Choice>(keys: Vec<&'static str>) -> Vec<C> {
    keys.into_iter().filter_map(C::from_key).collect()
}

const PHONE: Field = Field::Text(TextField {
    id: "phone",
    label: "Phone number",
    input_type: "tel",
    autocomplete: Some("tel"),
    width: Some("nhsuk-input--width-20"),
    answer: |a| &mut a.phone,
    ..TEXT
});

/// What to ask under each way of being contacted.
fn contact_details(method: Option<&'static str>) -> &'static [Field] {
    match method.and_then(ContactMethod::from_key) {
        Some(ContactMethod::Text) => &[Field::Text(TextField {
            id: "phone",
            label: "Mobile number",
            input_type: "tel",
            autocomplete: Some("tel"),
            width: Some("nhsuk-input--width-20"),
            answer: |a| &mut a.phone,
            ..TEXT
        })],
        Some(ContactMethod::PhoneCall | ContactMethod::TextRelay) => &[PHONE],
        Some(ContactMethod::SomeoneElse) => &[
            Field::Text(TextField {
                id: "someone-else",
                label: "Their name",
                answer: |a| &mut a.someone_else,
                ..TEXT
            }),
            Field::Text(TextField {
                id: "phone",
                label: "Their phone number",
                input_type: "tel",
                width: Some("nhsuk-input--width-20"),
                answer: |a| &mut a.phone,
                ..TEXT
            }),
        ],
        Some(ContactMethod::Email) => &[Field::Text(TextField {
            id: "email",
            label: "Email address",
            input_type: "email",
            autocomplete: Some("email"),
            answer: |a| &mut a.email,
            ..TEXT
        })],
        Some(ContactMethod::Letter) => &[
            Field::Text(TextField {
                id: "address",
                label: "Address",
                rows: Some(3),
                autocomplete: Some("street-address"),
                answer: |a| &mut a.address,
                ..TEXT
            }),
            Field::Text(TextField {
                id: "postcode",
                label: "Postcode",
                autocomplete: Some("postal-code"),
                width: Some("nhsuk-input--width-10"),
                answer: |a| &mut a.postcode,
                ..TEXT
            }),
        ],
        None => &[],
    }
}

pub static QUESTIONS: &[Question] = &[
    Question {
        step: Step::Name,
        title: "What is your name?",
        fields: &[
            Field::Heading("What is your name?"),
            Field::Text(TextField {
                id: "full-name",
                label: "Full name",
                autocomplete: Some("name"),
                answer: |a| &mut a.full_name,
                ..TEXT
            }),
            Field::Text(TextField {
                id: "preferred-name",
                label: "What would you like us to call you? (optional)",
                hint: Some("For example, Sam instead of Samantha"),
                autocomplete: Some("nickname"),
                width: Some("nhsuk-input--width-20"),
                answer: |a| &mut a.preferred_name,
                ..TEXT
            }),
        ],
    },
    Question { step: Step::DateOfBirth, title: "What is your date of birth?", fields: &[Field::DateOfBirth] },
    Question {
        step: Step::Contact,
        title: "How would you like us to contact you?",
        fields: &[Field::Choice(ChoiceField {
            id: "contact-method",
            legend: "How would you like us to contact you?",
            heading: true,
            offers: offers::<ContactMethod>,
            get: |a| a.contact_method.map(Choice::key),
            set: |a, key| a.contact_method = key.and_then(Choice::from_key),
            reveal: contact_details,
            ..CHOICE
        })],
    },
    Question {
        step: Step::ContactTimes,
        title: "When is it best to contact you?",
        fields: &[
            Field::Heading("When is it best to contact you?"),
            Field::When(
                Answers::asks_about_messages,
                &[Field::Choice(ChoiceField {
                    id: "leave-message",
                    legend: "Can we leave a message if you do not answer?",
                    inline: true,
                    get: |a| a.leave_message.map(Choice::key),
                    set: |a, key| a.leave_message = key.and_then(Choice::from_key),
                    ..CHOICE
                })],
            ),
            Field::Text(TextField {
                id: "best-times",
                label: "Best days and times (optional)",
                hint: Some("For example, weekday mornings, or not on Thursdays"),
                rows: Some(2),
                answer: |a| &mut a.best_times,
                ..TEXT
            }),
        ],
    },
    Question {
        step: Step::Support,
        title: "What would you like support with?",
        fields: &[Field::Choices(ChoicesField {
            id: "support",
            legend: "What would you like support with?",
            hint: Some("Select all that apply."),
            heading: true,
            offers: offers::<SupportNeed>,
            get: |a| keys(&a.support),
            set: |a, keys| a.support = from_keys(keys),
            reveal: Some((
                "else",
                &[Field::Text(TextField {
                    id: "support-other",
                    label: "What else would you like support with?",
                    answer: |a| &mut a.support_other,
                    ..TEXT
                })],
            )),
            ..CHOICES
        })],
    },
    Question {
        step: Step::OwnWords,
        title: "Tell us more in your own words",
        fields: &[Field::Text(TextField {
            id: "own-words",
            label: "Tell us more in your own words (optional)",
            hint: Some("For example, what is happening for you and what might help. You can skip this."),
            heading: true,
            rows: Some(8),
            limit: Some(OWN_WORDS_LIMIT),
            answer: |a| &mut a.own_words,
            ..TEXT
        })],
    },
    Question {
        step: Step::Barriers,
        title: "Is anything making it hard to get to appointments?",
        fields: &[Field::Choices(ChoicesField {
            id: "barriers",
            legend: "Is anything making it hard to get to appointments?",
            hint: Some("This helps us find a time and place that works for you. Select all that apply."),
            heading: true,
            offers: offers::<Barrier>,
            get: |a| keys(&a.barriers),
            set: |a, keys| a.barriers = from_keys(keys),
            exclusive: Some("none"),
            ..CHOICES
        })],
    },
    Question {
        step: Step::Meeting,
        title: "How would you prefer to meet a link worker?",
        fields: &[Field::Choice(ChoiceField {
            id: "meeting",
            legend: "How would you prefer to meet a link worker?",
            heading: true,
            offers: offers::<Meeting>,
            get: |a| a.meeting.map(Choice::key),
            set: |a, key| a.meeting = key.and_then(Choice::from_key),
            ..CHOICE
        })],
    },
    Question {
        step: Step::Communication,
        title: "Do you need any help to communicate with us?",
        fields: &[
            Field::Heading("Do you need any help to communicate with us? (optional)"),
            Field::Lead(
                "Tell us what helps, so we can contact you in a way that works for you. Skip this if you do not need anything.",
            ),
            Field::Choices(ChoicesField {
                id: "formats",
                legend: "Information in another format",
                offers: offers::<Format>,
                get: |a| keys(&a.formats),
                set: |a, keys| a.formats = from_keys(keys),
                ..CHOICES
            }),
            Field::Choices(ChoicesField {
                id: "professionals",
                legend: "Someone to help at appointments",
                offers: offers::<Professional>,
                get: |a| keys(&a.professionals),
                set: |a, keys| a.professionals = from_keys(keys),
                ..CHOICES
            }),
            Field::Choices(ChoicesField {
                id: "other-support",
                legend: "Other support",
                offers: offers::<OtherSupport>,
                get: |a| keys(&a.other_support),
                set: |a, keys| a.other_support = from_keys(keys),
                ..CHOICES
            }),
            Field::Text(TextField {
                id: "communication-other",
                label: "Anything else that would help (optional)",
                answer: |a| &mut a.communication_other,
                ..TEXT
            }),
        ],
    },
    Question {
        step: Step::Language,
        title: "Which language would you like to use?",
        fields: &[
            Field::Text(TextField {
                id: "language",
                label: "Which language would you like to use?",
                hint: Some("For example, English, Polish or Urdu"),
                heading: true,
                width: Some("nhsuk-input--width-20"),
                answer: |a| &mut a.language,
                ..TEXT
            }),
            Field::Choice(ChoiceField {
                id: "interpreter",
                legend: "Do you need an interpreter?",
                inline: true,
                get: |a| a.interpreter.map(Choice::key),
                set: |a, key| a.interpreter = key.and_then(Choice::from_key),
                ..CHOICE
            }),
        ],
    },
    Question {
        step: Step::Practice,
        title: "What is the name of your GP practice?",
        fields: &[Field::Text(TextField {
            id: "practice",
            label: "What is the name of your GP practice?",
            hint: Some("We have filled this in for you. Change it if it is not right."),
            heading: true,
            autocomplete: Some("organization"),
            answer: |a| &mut a.practice,
            ..TEXT
        })],
    },
    Question {
        step: Step::Consent,
        title: "Before you send this",
        fields: &[
            Field::Heading("Before you send this"),
            Field::Choices(ChoicesField {
                id: "consent-contact",
                legend: "Can a link worker contact you?",
                offers: || vec![("agree", "I agree to a link worker from my GP practice contacting me in the way I chose")],
                get: |a| if a.consent_contact { vec!["agree"] } else { Vec::new() },
                set: |a, keys| a.consent_contact = !keys.is_empty(),
                ..CHOICES
            }),
            Field::Choice(ChoiceField {
                id: "consent-record",
                legend: "Can the practice add this referral to your GP record?",
                hint: Some(
                    "Your GP record is where the practice keeps notes about your health and care. If you say no, the link worker can still help you.",
                ),
                inline: true,
                get: |a| a.consent_record.map(Choice::key),
                set: |a, key| a.consent_record = key.and_then(Choice::from_key),
                ..CHOICE
            }),
        ],
    },
];

/// The question page at `page` (`refer/<question>`), or "Page not found".
#[component]
pub fn QuestionRoute(page: String) -> impl IntoView {
    match QUESTIONS.iter().find(|q| q.step.path() == page) {
        Some(question) => view! { <Ask question /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// Draws one question page from its data.
#[component]
fn Ask(question: &'static Question) -> impl IntoView {
    let form = RwSignal::new(use_draft().value.get_untracked().answers);
    // Answers most people give, filled in for them to change.
    let practice = use_practice();
    Effect::new(move || {
        let name = practice.get().practice_name;
        form.update(|a| {
            if question.step == Step::Practice && a.practice.trim().is_empty() {
                a.practice = name;
            }
            if question.step == Step::Language && a.language.trim().is_empty() {
                a.language = "English".to_string();
            }
        });
    });
    view! {
        <QuestionPage step=question.step title=question.title form>
            {fields(question.fields, form)}
        </QuestionPage>
    }
}

fn fields(fields: &'static [Field], form: RwSignal<Answers>) -> impl IntoView {
    fields
        .iter()
        .map(|field| field_view(field, form))
        .collect_view()
}

fn field_view(field: &'static Field, form: RwSignal<Answers>) -> AnyView {
    match field {
        Field::Heading(text) => view! { <h1>{*text}</h1> }.into_any(),
        Field::Lead(text) => view! { <p class="nhsuk-hint">{*text}</p> }.into_any(),
        Field::Text(text) => {
            let answer = text.answer;
            let bind = Bound {
                get: Signal::derive(move || form.with(|a| answer(&mut a.clone()).clone())),
                set: Callback::new(move |value| form.update(|a| *answer(a) = value)),
            };
            match text.rows {
                None => view! {
                    <TextInput id=text.id label=text.label hint=text.hint heading=text.heading bind
                        input_type=text.input_type autocomplete=text.autocomplete width=text.width />
                }
                .into_any(),
                Some(rows) => view! {
                    <TextArea id=text.id label=text.label hint=text.hint heading=text.heading bind rows
                        limit=text.limit autocomplete=text.autocomplete />
                }
                .into_any(),
            }
        }
        Field::Choice(choice) => {
            let (get, set, reveal) = (choice.get, choice.set, choice.reveal);
            let bind = Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |key| form.update(|a| set(a, key))),
            };
            let conditional = ViewFn::from(move || fields(reveal(form.with(get)), form));
            let choices = (choice.offers)();
            let reveals = choices
                .iter()
                .map(|(key, _)| *key)
                .filter(|key| !reveal(Some(*key)).is_empty())
                .collect();
            view! {
                <Radios id=choice.id legend=choice.legend hint=choice.hint heading=choice.heading
                    inline=choice.inline choices bind conditional=Some(conditional) reveals />
            }
            .into_any()
        }
        Field::Choices(choices) => {
            let (get, set) = (choices.get, choices.set);
            let bind = Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |keys| form.update(|a| set(a, keys))),
            };
            let (reveal, conditional) = match choices.reveal {
                Some((key, shown)) => (Some(key), Some(ViewFn::from(move || fields(shown, form)))),
                None => (None, None),
            };
            view! {
                <Checkboxes id=choices.id legend=choices.legend hint=choices.hint heading=choices.heading
                    choices=(choices.offers)() bind exclusive=choices.exclusive reveal conditional />
            }
            .into_any()
        }
        Field::DateOfBirth => {
            let part = |get: fn(&Answers) -> String, set: fn(&mut Answers, String)| Bound {
                get: Signal::derive(move || form.with(get)),
                set: Callback::new(move |value| form.update(|a| set(a, value))),
            };
            view! {
                <DateInput id="dob" legend="What is your date of birth?" heading=true
                    hint=Some("For example, 27 3 1985") autocomplete=Some("bday")
                    day=part(|a| a.dob_day.clone(), |a, v| a.dob_day = v)
                    month=part(|a| a.dob_month.clone(), |a, v| a.dob_month = v)
                    year=part(|a| a.dob_year.clone(), |a, v| a.dob_year = v) />
            }
            .into_any()
        }
        Field::When(applies, shown) => {
            let shown = *shown;
            let applies = *applies;
            (move || form.with(applies).then(|| fields(shown, form))).into_any()
        }
    }
}
