//! Getting a new clinic started: the steps a first-time volunteer takes, in
//! order, each ticked once it is done.

use super::Clinic;

/// One step of setting the clinic up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SetupStep {
    /// The page that does it.
    pub path: &'static str,
    pub title: &'static str,
    pub done: bool,
}

/// What is known outside the clinic's own records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Elsewhere {
    /// The practice has saved its own wording for texts.
    pub wording_saved: bool,
    /// This device has made a backup.
    pub backed_up: bool,
}

/// The steps of setting `clinic` up, in the order to take them.
pub fn steps(clinic: &Clinic, elsewhere: Elsewhere) -> [SetupStep; 5] {
    let step = |path, title, done| SetupStep { path, title, done };
    let sessions = &clinic.sessions;
    [
        step(
            "clinic/sessions",
            "Add the clinic’s sessions",
            !sessions.weekly.is_empty() || !sessions.extra.is_empty(),
        ),
        step(
            "clinic/volunteers",
            "Add each volunteer and when they can come",
            !clinic.volunteers.is_empty(),
        ),
        step(
            "clinic/rota",
            "Make the rota and keep it",
            clinic.rota.iter().any(|e| e.volunteer.is_some()),
        ),
        step(
            "clinic/reminders/wording",
            "Check the wording of reminder texts",
            elsewhere.wording_saved,
        ),
        step("clinic/backup", "Make a first backup", elsewhere.backed_up),
    ]
}

/// Whether the steps lead the clinic's front page: until every one is done.
pub fn still_setting_up(steps: &[SetupStep]) -> bool {
    steps.iter().any(|s| !s.done)
}

#[cfg(test)]
mod tests {
    use super::super::rota::RotaEntry;
    use super::super::sessions::WeeklySession;
    use super::super::time::{ClockTime, TimeRange};
    use super::*;

    fn done(clinic: &Clinic, elsewhere: Elsewhere) -> Vec<bool> {
        steps(clinic, elsewhere).iter().map(|s| s.done).collect()
    }

    #[test]
    fn a_new_clinic_starts_with_every_step_to_do_and_each_is_ticked_as_it_is_done() {
        let mut clinic = Clinic::default();
        let nothing = Elsewhere::default();
        assert_eq!(done(&clinic, nothing), [false; 5]);
        assert!(still_setting_up(&steps(&clinic, nothing)));
        assert_eq!(steps(&clinic, nothing)[0].path, "clinic/sessions");
        clinic.sessions.weekly.push(WeeklySession {
            id: 1,
            weekday: 1,
            times: TimeRange::new(ClockTime::at(9, 0), ClockTime::at(12, 0)),
            room: "Room 4".into(),
            first: "2026-03-02".into(),
            last: String::new(),
        });
        assert_eq!(done(&clinic, nothing), [true, false, false, false, false]);
        clinic.volunteers.push(Default::default());
        // A rota kept with nobody on it is not a rota yet.
        clinic.rota.push(RotaEntry {
            session: 1,
            date: "2026-03-03".into(),
            ..RotaEntry::default()
        });
        assert_eq!(done(&clinic, nothing), [true, true, false, false, false]);
        clinic.rota[0].volunteer = Some(7);
        let all = Elsewhere {
            wording_saved: true,
            backed_up: true,
        };
        assert_eq!(done(&clinic, all), [true; 5]);
        assert!(!still_setting_up(&steps(&clinic, all)));
    }
}
