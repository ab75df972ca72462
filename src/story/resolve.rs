//! What a checked pack means in the model's terms, worked out once: each
//! message's sender index and posting day, each scenario's leaks, the
//! senders' weights and the parameters in force.

use super::{Pack, Resolved, StoryEvent};
use crate::error::InputError;
use crate::model::{Event, Params, Scenario, Senders};

/// Resolves a pack that passed its checks. The checks have made every
/// reference good; what can still fail is reported, never a panic.
pub fn resolve(story: &mut Pack) -> Result<Resolved, InputError> {
    let day0 = story.day0;
    for i in 0..story.messages.len() {
        let m = &story.messages[i];
        let sender = story
            .sender_index(&m.sender)
            .ok_or_else(|| InputError::new(format!("messages[{i}].sender"), "unknown sender"))?;
        let day = u32::try_from(day0.days_until(m.posted))
            .map_err(|_| InputError::new(format!("messages[{i}].posted"), "before day 0"))?;
        let m = &mut story.messages[i];
        m.sender_index = sender;
        m.day = day;
    }
    let scenarios = story
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let events = s
                .events
                .iter()
                .enumerate()
                .map(|(j, e)| {
                    event(story, e).ok_or_else(|| {
                        InputError::new(
                            format!("scenarios[{i}].events[{j}]"),
                            "names nothing known",
                        )
                    })
                })
                .collect::<Result<_, _>>()?;
            Ok(Scenario {
                id: s.id.clone(),
                events,
            })
        })
        .collect::<Result<_, InputError>>()?;
    let senders = Senders::weighted(story.senders.iter().map(|s| s.weight).collect())?;
    let params = Params::default()
        .overridden(&story.params.0)
        .map_err(|e| e.at("params"))?;
    Ok(Resolved {
        senders,
        scenarios,
        params,
    })
}

/// A pack's leak as the model's event: a message on the day it was posted
/// (read with its own sensitivity, or another reading's), or a leak of its own.
fn event(story: &Pack, e: &StoryEvent) -> Option<Event> {
    if let Some(id) = &e.message {
        let m = story.message(id)?;
        return Some(Event {
            day: f64::from(m.day),
            sender: m.sender_index,
            sensitivity: e.sensitivity.unwrap_or(m.sensitivity),
        });
    }
    let day = story.day_of(e.date?);
    Some(Event {
        day: u32::try_from(day).ok()?.into(),
        sender: story.sender_index(e.sender.as_deref()?)?,
        sensitivity: e.sensitivity?,
    })
}
