//! The self-referral's questions, one page each, in the order they are asked:
//! each page's fields, with plain functions to read and write each answer.

use super::{ChoiceField, ChoicesField, Field, Question, TextField};
use crate::domain::referral::*;
use crate::ui::form::offers;

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
        fields: &[
            Field::Text(TextField {
                id: "practice",
                label: "What is the name of your GP practice?",
                hint: Some("We have filled this in for you. Change it if it is not right."),
                heading: true,
                autocomplete: Some("organization"),
                answer: |a| &mut a.practice,
                ..TEXT
            }),
            Field::Choice(ChoiceField {
                id: "suggested-by",
                legend: "Did someone suggest you refer yourself? (optional)",
                hint: Some("If you were given a slip with a code on it, we have filled this in for you."),
                offers: offers::<suggested::SuggestedBy>,
                get: |a| a.suggested_by.map(Choice::key),
                set: |a, key| a.suggested_by = key.and_then(Choice::from_key),
                ..CHOICE
            }),
        ],
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
