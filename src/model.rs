//! The leak model, in plain words.
//!
//! One leader (the leaker) receives private messages from N allied senders.
//! Each sender keeps a running tally of evidence: how often messages to the
//! leaker got out (a) against how long they stayed private (b). From that
//! tally comes the chance that the next message leaks, and from that chance
//! how candid the sender dares to be. When a message is posted, every sender
//! learns — the victim most, the others a little less — and the dispute moves
//! into public view. Public positions are costly to leave (audience costs), and
//! with less in private and more in public, the room for compromise shrinks.
//! Memories fade with a half-life, so without new leaks everything drifts back.
//!
//! The directions of these effects come from the literature cited on each
//! parameter; the equations are our own synthesis. It is a model, not a
//! forecast. Nothing here knows about the web, or about any one story: senders
//! are indices, days are numbers.

pub mod output;
pub mod params;
pub mod scenario;
pub mod sim;
pub mod sources;

pub use output::Output;
#[cfg(not(target_arch = "wasm32"))]
pub use params::overrides_schema;
pub use params::{ParamDescriptor, ParamId, Params, Prior, DESCRIPTORS};
pub use scenario::{Scenario, CUSTOM, KEPT_PRIVATE};
pub use sim::{simulate, Event, Outputs, SenderOutputs, Senders, Trajectory};
