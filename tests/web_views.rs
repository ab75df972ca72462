//! Component tests in headless Chromium (wasm-bindgen-test) for the two views
//! drawn from a model run: the chart of one metric and the network of
//! channels. Each is mounted alone into a fresh element, as a parent would.
#![cfg(target_arch = "wasm32")]

use backchannel::dates::Date;
use backchannel::model::{simulate, Trajectory};
use backchannel::story::Story;
use backchannel::ui::chart::{Chart, ChartProps, MAX_POINTS};
use backchannel::ui::network::{Network, NetworkProps};
use backchannel::view::metric::{Marker, Output, RunRef};
use std::rc::Rc;
use wasm_bindgen_test::*;
use web_sys::Element;

/// A share as the English interface writes it.
fn percent(x: f64, decimals: u32) -> String {
    backchannel::words::Words::english().percent(x, decimals)
}

wasm_bindgen_test_configure!(run_in_browser);

const DAY0: Date = Date {
    year: 2025,
    month: 6,
    day: 24,
};

#[path = "support/dom.rs"]
mod dom;
use dom::{find, host, settle};

fn find_all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| wasm_bindgen::JsCast::unchecked_into(list.item(i).unwrap()))
        .collect()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name)
        .unwrap_or_else(|| panic!("no attribute {name}"))
}

fn has_class(el: &Element, class: &str) -> bool {
    el.get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

fn number(el: &Element, name: &str) -> f64 {
    attr(el, name).trim_end_matches('%').parse().unwrap()
}

fn run(id: &str) -> Rc<Trajectory> {
    let story = Story::builtin().unwrap();
    let events = &story.scenario(id).unwrap().events;
    Rc::new(
        simulate(
            &story.resolved().params,
            &story.resolved().senders,
            events,
            390,
            1.0,
        )
        .unwrap(),
    )
}

fn chart_props(day: u32, run: &Rc<Trajectory>, baseline: &Rc<Trajectory>) -> ChartProps {
    ChartProps {
        metric: Output::Compromise,
        run: RunRef(run.clone()),
        baseline: RunRef(baseline.clone()),
        day,
        markers: Rc::new(vec![Marker {
            day: 210,
            label: "Macron's text posted".into(),
        }]),
        day0: DAY0,
        compare: None,
        run_label: None,
        compare_label: None,
        picked: false,
        drawn: true,
        on_pick: Default::default(),
    }
}

/// The same chart of trust, the one a phone shows first.
fn trust_props(day: u32, run: &Rc<Trajectory>, baseline: &Rc<Trajectory>) -> ChartProps {
    ChartProps {
        metric: Output::Trust,
        picked: true,
        ..chart_props(day, run, baseline)
    }
}

#[wasm_bindgen_test]
async fn the_chart_has_a_title_a_summary_and_two_thin_lines() {
    let (leaked, kept) = (run("only-macron"), run("kept-private"));
    let host = host();
    yew::Renderer::<Chart>::with_root_and_props(host.clone(), chart_props(300, &leaked, &kept))
        .render();
    settle().await;

    assert_eq!(
        find(&host, "figure.bc-chart figcaption")
            .text_content()
            .unwrap(),
        "Room for compromise"
    );
    let svg = find(&host, "svg.bc-chart-svg[role=img]");
    let p = |v: f64| percent(v, 0);
    assert_eq!(
        attr(&svg, "aria-label"),
        format!(
            "Room for compromise: {} before, {} on 20 Apr 2026 (baseline {}). \
             Marked: Macron's text posted, 20 Jan 2026",
            p(leaked.at(209).compromise),
            p(leaked.at(300).compromise),
            p(kept.at(300).compromise),
        )
    );

    let lines = find_all(&host, "polyline");
    assert_eq!(lines.len(), 2);
    assert!(find_all(&host, ".bc-chart-compare, .bc-chart-end-compare").is_empty());
    for line in &lines {
        let count = attr(line, "points").split_whitespace().count();
        assert!(
            (100..=MAX_POINTS).contains(&count),
            "{count} points in a line"
        );
    }
    assert!(find(&host, "polyline.bc-chart-baseline")
        .get_attribute("style")
        .is_none());
    // The event's annotation (the date on its own line on a phone) and the
    // direct labels at the line ends.
    assert_eq!(
        find(&host, ".bc-chart-event-label").text_content().unwrap(),
        "Macron's text posted20 Jan 2026"
    );
    assert_eq!(
        find(&host, ".bc-chart-end-baseline")
            .text_content()
            .unwrap(),
        "baseline"
    );
    assert_eq!(
        find(&host, ".bc-chart-end-run").text_content().unwrap(),
        "Room for compromise"
    );
    // Dated ticks, few enough not to touch on a phone.
    let ticks: Vec<String> = find_all(&host, ".bc-chart-axis text")
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(ticks, ["Jul 2025", "Jan 2026", "Jul"]);
    // No inline styles anywhere (a strict CSP would block them).
    assert!(find_all(&host, "[style]").is_empty());
}

#[wasm_bindgen_test]
async fn the_day_marker_moves_and_the_lines_stay() {
    let (leaked, kept) = (run("only-macron"), run("kept-private"));
    // Trust: after the post it climbs back slowly as the belief fades.
    let props = |day| trust_props(day, &leaked, &kept);
    let host = host();
    let mut app = yew::Renderer::<Chart>::with_root_and_props(host.clone(), props(300)).render();
    settle().await;
    let dot = find(&host, ".bc-chart-now circle");
    let cx = number(&dot, "cx");
    // Days sit between the plot's side margins (24 of 1048 units each).
    let share = |f: f64| (24.0 + f * 1000.0) / 1048.0 * 100.0;
    assert!((cx - share(300.0 / 390.0)).abs() < 0.01, "cx {cx}");
    let run_points = attr(&find(&host, "polyline.bc-chart-run"), "points");
    let value_label = find(&host, ".bc-chart-now-label").text_content().unwrap();
    assert_eq!(value_label, percent(leaked.at(300).trust, 0));
    let cy_300 = number(&dot, "cy");

    app.update(props(390));
    settle().await;
    let dot = find(&host, ".bc-chart-now circle");
    let end = format!("{:.3}%", share(1.0));
    assert_eq!(attr(&dot, "cx"), end);
    assert_eq!(attr(&find(&host, ".bc-chart-day"), "x1"), end);
    assert_eq!(
        find(&host, ".bc-chart-now-label").text_content().unwrap(),
        percent(leaked.at(390).trust, 0)
    );
    // Trust recovers a little, so the dot moves up the plot.
    assert!(number(&dot, "cy") < cy_300);
    assert_eq!(
        attr(&find(&host, "polyline.bc-chart-run"), "points"),
        run_points
    );

    // Back before the post: the run and the baseline agree.
    app.update(props(100));
    settle().await;
    assert!(
        attr(&find(&host, "svg[role=img]"), "aria-label").contains(&format!(
            "{} on 2 Oct 2025 (baseline {})",
            percent(leaked.at(100).trust, 0),
            percent(kept.at(100).trust, 0)
        ))
    );
}

#[wasm_bindgen_test]
async fn the_caption_is_the_radio_that_picks_the_chart_and_an_undrawn_chart_is_its_caption() {
    use std::cell::RefCell;
    use wasm_bindgen::JsCast;
    let (leaked, kept) = (run("only-macron"), run("kept-private"));
    let radio = |host: &Element| -> web_sys::HtmlInputElement {
        find(host, "figcaption label input[type=radio][name=bc-chart]").unchecked_into()
    };
    // The picked chart's radio is checked.
    let host = host();
    yew::Renderer::<Chart>::with_root_and_props(host.clone(), trust_props(300, &leaked, &kept))
        .render();
    settle().await;
    assert!(radio(&host).checked());
    // Another chart, not drawn: its caption only, and a tap on it says
    // which chart the reader picked.
    let picks = Rc::new(RefCell::new(Vec::new()));
    let seen = picks.clone();
    let other = self::host();
    let props = ChartProps {
        drawn: false,
        on_pick: yew::Callback::from(move |m: Output| seen.borrow_mut().push(m)),
        ..chart_props(300, &leaked, &kept)
    };
    yew::Renderer::<Chart>::with_root_and_props(other.clone(), props).render();
    settle().await;
    assert!(!radio(&other).checked());
    assert!(find_all(&other, "svg, table, details").is_empty());
    assert_eq!(
        find(&other, "figcaption").text_content().unwrap().trim(),
        "Room for compromise"
    );
    radio(&other).click();
    settle().await;
    assert_eq!(*picks.borrow(), vec![Output::Compromise]);
}

/// The rendered box of an element in CSS px of the page, read through
/// JavaScript (the crate's web-sys features leave `DomRect` out).
#[derive(Clone, Copy, Debug)]
struct Rect {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

fn rect(el: &Element) -> Rect {
    use js_sys::{Function, Reflect};
    use wasm_bindgen::JsCast;
    let get = Reflect::get(el, &"getBoundingClientRect".into()).unwrap();
    let r = get.unchecked_into::<Function>().call0(el).unwrap();
    let n = |k: &str| Reflect::get(&r, &k.into()).unwrap().as_f64().unwrap();
    Rect {
        left: n("left"),
        top: n("top"),
        right: n("right"),
        bottom: n("bottom"),
    }
}

#[wasm_bindgen_test]
async fn a_comparison_run_gets_its_own_line_dot_and_label_on_the_same_scale() {
    let (macron, rutte, kept) = (run("only-macron"), run("only-rutte"), run("kept-private"));
    let host = host();
    let props = ChartProps {
        metric: Output::Trust,
        compare: Some(RunRef(rutte.clone())),
        run_label: Some("Macron's text alone".into()),
        compare_label: Some("Rutte's text alone".into()),
        markers: Rc::new(vec![
            Marker {
                day: 210,
                label: "Macron's text posted".into(),
            },
            Marker {
                day: 210,
                label: "Rutte's text posted".into(),
            },
            Marker {
                day: 210,
                label: "Macron's text posted".into(),
            },
        ]),
        ..chart_props(300, &macron, &kept)
    };
    yew::Renderer::<Chart>::with_root_and_props(host.clone(), props).render();
    settle().await;

    assert_eq!(find_all(&host, "polyline").len(), 3);
    assert_eq!(
        find(&host, ".bc-chart-end-run").text_content().unwrap(),
        "Macron's text alone"
    );
    assert_eq!(
        find(&host, ".bc-chart-end-compare").text_content().unwrap(),
        "Rutte's text alone"
    );
    assert_eq!(find_all(&host, ".bc-chart-dot-compare").len(), 1);
    // Three markers on one day: one annotation, its date once.
    let events = find_all(&host, ".bc-chart-event");
    assert_eq!(events.len(), 1);
    assert_eq!(attr(&events[0], "data-day"), "210");
    let text = find(&host, ".bc-chart-event-label").text_content().unwrap();
    assert_eq!(text.matches("20 Jan 2026").count(), 1, "{text}");
    assert_eq!(text.matches("Macron's text posted").count(), 1, "{text}");
    let label = attr(&find(&host, "svg[role=img]"), "aria-label");
    assert!(
        label.starts_with(&format!(
            "Trust, Macron's text alone: {} before, {} on 20 Apr 2026 (baseline {}); Rutte's text alone: {}. Marked: ",
            percent(macron.at(209).trust, 0),
            percent(macron.at(300).trust, 0),
            percent(kept.at(300).trust, 0),
            percent(rutte.at(300).trust, 0),
        )),
        "{label}"
    );
    // The three end labels' baselines are a line of 13 px text apart (the
    // stylesheet is not loaded here, so their rendered size is not the page's),
    // each drawn twice: its backing copy under the lines, itself over them.
    assert_eq!(find_all(&host, ".bc-chart-end.bc-chart-knock").len(), 3);
    let mut ys: Vec<f64> = find_all(&host, ".bc-chart-end.bc-chart-halo")
        .iter()
        .map(|e| number(e, "y"))
        .collect();
    assert_eq!(ys.len(), 3);
    ys.sort_by(f64::total_cmp);
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= 16.0 - 0.05), "{ys:?}");
    assert!(find_all(&host, "[style]").is_empty());
}

#[wasm_bindgen_test]
async fn lines_and_dots_stay_inside_the_plot_at_the_edges_of_scale_and_time() {
    let (leaked, kept) = (run("what-happened"), run("kept-private"));
    let host = host();
    let mut app = yew::Renderer::<Chart>::with_root_and_props(
        host.clone(),
        ChartProps {
            metric: Output::Trust,
            ..chart_props(0, &leaked, &kept)
        },
    )
    .render();
    for (metric, day) in [
        (Output::Trust, 0),
        (Output::LeakRisk, 390),
        (Output::Rhetoric, 210),
        (Output::Compromise, 390),
    ] {
        app.update(ChartProps {
            metric,
            ..chart_props(day, &leaked, &kept)
        });
        settle().await;
        // A nested SVG's client rect is its content's box, not its
        // viewport: the plot is its y and height within the outer SVG.
        let outer = rect(&find(&host, "svg.bc-chart-svg"));
        let nested = find(&host, "svg.bc-chart-plot");
        let top = outer.top + number(&nested, "y");
        let plot = Rect {
            left: outer.left,
            top,
            right: outer.right,
            bottom: top + number(&nested, "height"),
        };
        let inside = |r: &Rect, what: &str| {
            assert!(
                r.left >= plot.left - 0.5
                    && r.right <= plot.right + 0.5
                    && r.top >= plot.top - 0.5
                    && r.bottom <= plot.bottom + 0.5,
                "{metric:?} day {day}: {what} {:?} outside {:?}",
                (r.left, r.top, r.right, r.bottom),
                (plot.left, plot.top, plot.right, plot.bottom)
            );
        };
        for line in find_all(&host, "polyline") {
            inside(&rect(&line), "line");
        }
        inside(&rect(&find(&host, ".bc-chart-dot")), "dot");
        let marks = find(&host, "svg.bc-chart-marks");
        assert_eq!(
            (attr(&marks, "y"), attr(&marks, "height")),
            (attr(&nested, "y"), attr(&nested, "height")),
            "the marker clips to the plot"
        );
    }
}

fn network_props(run: &Trajectory, day: usize) -> NetworkProps {
    NetworkProps {
        leaker: "Donald Trump".into(),
        senders: Rc::new(vec!["Macron".into(), "Rutte".into()]),
        channels: Rc::new(run.senders_at(day).to_vec()),
        candor0: 0.8,
        rerouted: run.at(day).rerouted,
        leak_risk0: 0.05,
        date: "1 Jan 2026".into(),
    }
}

/// The network alone in a fresh element, drawn for `day` of `run`.
async fn mount_network(run: &Trajectory, day: usize) -> (Element, yew::AppHandle<Network>) {
    let host = host();
    let app = yew::Renderer::<Network>::with_root_and_props(host.clone(), network_props(run, day))
        .render();
    settle().await;
    (host, app)
}

#[wasm_bindgen_test]
async fn the_network_thins_the_exposed_channel_and_reroutes_around_him() {
    let leaked = run("only-macron");
    // Two weeks on: every channel has thinned, the victim's most (months
    // on, all of them are down to a hairline).
    let (host, mut app) = mount_network(&leaked, 224).await;

    let channels = leaked.senders_at(224);
    let r = leaked.at(224).rerouted;
    let svg = find(&host, "svg.bc-network-svg[role=img]");
    let label = attr(&svg, "aria-label");
    assert!(
        label.starts_with(&format!(
            "Channels to Donald Trump: Macron {} candor (leak risk {}), Rutte {} candor, Ally 3 ",
            percent(channels[0].candor, 0),
            percent(channels[0].leak_risk, 1),
            percent(channels[1].candor, 0),
        )),
        "{label}"
    );
    assert!(label.ends_with(&format!(
        "; {} of sensitive traffic rerouted between allies",
        percent(r, 0)
    )));
    assert!(r > 0.1, "the post reroutes traffic: {r}");

    let links = find_all(&host, ".bc-net-link");
    assert_eq!(links.len(), 6);
    for (link, c) in links.iter().zip(channels) {
        let width = number(link, "stroke-width");
        // Proportional to candor, never thinner than a hairline (0.75).
        assert!(
            (width - (7.0 * c.candor / 0.8).max(0.75)).abs() < 0.01,
            "{width} vs {c:?}"
        );
    }
    assert!(number(&links[0], "stroke-width") < number(&links[2], "stroke-width"));

    let ring = find_all(&host, ".bc-net-ally");
    assert_eq!(ring.len(), 6);
    for link in &ring {
        assert!((number(link, "stroke-width") - 7.0 * r).abs() < 0.01);
        assert!(!has_class(link, "is-idle"));
    }
    let nodes = find_all(&host, ".bc-net-ally-node");
    assert!(has_class(&nodes[0], "is-exposed"), "Macron is exposed");
    assert_eq!(find_all(&host, ".bc-net-ally-node.is-exposed").len(), 1);
    assert_eq!(
        nodes[2].text_content().unwrap(),
        "Ally 3",
        "unnamed allies are numbered"
    );

    // Before any leak: full channels, nothing rerouted, nobody exposed.
    app.update(network_props(&run("kept-private"), 300));
    settle().await;
    for link in find_all(&host, ".bc-net-link") {
        assert!((number(&link, "stroke-width") - 7.0).abs() < 0.05);
    }
    for link in find_all(&host, ".bc-net-ally") {
        assert!(has_class(&link, "is-idle"));
        assert!(number(&link, "stroke-width") < 1.0);
    }
    assert!(find_all(&host, ".is-exposed").is_empty());
    assert!(find_all(&host, "[style]").is_empty());
}

#[wasm_bindgen_test]
async fn the_network_table_lists_each_ally_on_the_day_shown_once_opened() {
    let leaked = run("only-macron");
    let (host, mut app) = mount_network(&leaked, 300).await;
    let caption = find(&host, ".bc-data caption").text_content().unwrap();
    assert_eq!(
        caption,
        "The channels to Donald Trump on 1 Jan 2026: the model"
    );
    assert!(
        find_all(&host, ".bc-data tbody tr").is_empty(),
        "no rows while closed"
    );
    find(&host, "details.bc-data")
        .set_attribute("open", "")
        .unwrap();
    // The browser fires `toggle` as a task after the attribute changes.
    settle().await;
    settle().await;
    let rows = find_all(&host, ".bc-data tbody tr");
    assert_eq!(rows.len(), 6);
    let cells = |row: &Element| -> Vec<String> {
        find_all(row, "th, td")
            .iter()
            .map(|c| c.text_content().unwrap())
            .collect()
    };
    let channels = leaked.senders_at(300);
    assert_eq!(
        cells(&rows[0]),
        [
            "Macron".to_string(),
            percent(channels[0].candor, 0),
            percent(channels[0].leak_risk, 1)
        ]
    );
    assert_eq!(cells(&rows[2])[0], "Ally 3");
    // The rows follow the day.
    app.update(network_props(&leaked, 30));
    settle().await;
    let early = leaked.senders_at(30);
    assert_eq!(
        cells(&find_all(&host, ".bc-data tbody tr")[0])[1],
        percent(early[0].candor, 0)
    );
    assert_ne!(percent(early[0].candor, 0), percent(channels[0].candor, 0));
}
