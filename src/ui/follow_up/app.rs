use crate::domain::follow_up::VisitPage;
use crate::ui::components::notice::Notice;
use crate::ui::follow_up::{
    cancel::CancelVisit, check::CheckVisit, details::Details, done::Done, home::Home,
    lock::StaffLock, lock_screens::LockScreens, measure::MeasurePage, notes::NotesPage,
    records::Records, state::FollowUpState, visit_bar::VisitBar, wipe::Wipe,
};
use crate::ui::shell::{WidgetSetup, WidgetShell};
use leptos::prelude::*;

/// One follow-up widget: the current page and the visit bar (or, while locked, only the lock
/// screen), crisis help.
#[component]
pub fn FollowUpApp(
    /// The host element's configuration, measures, problems and element.
    setup: WidgetSetup,
) -> impl IntoView {
    let lock = StaffLock::new(&setup.config.instance, setup.config.lock_minutes);
    let state = FollowUpState::new(setup.config, setup.instruments, setup.host);
    provide_context(state);
    provide_context(lock);
    lock.watch();
    let crisis_id = state.ids().id("crisis");
    // Deliver what is waiting; another tab with this widget: follow its visit history.
    state
        .courier
        .keep_delivering(state.history_key(), move |json| state.reload_history(json));
    // Retention applies while the app stays open too, checked every minute.
    if let Ok(timer) = set_interval_with_handle(
        move || state.apply_retention(),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || timer.clear());
    }
    // The visit being recorded is kept on the device as it is typed.
    Effect::new(move |_| {
        state.visit.track();
        state.page.track();
        state.persist();
    });
    view! {
        <WidgetShell crisis_id problems=setup.problems modifier="wb-follow-up">
            // While locked, none of the pages is in the document (their state is kept).
            <Show when=move || lock.is_open() fallback=|| view! { <LockScreens/> }>
                <Notice message=state.notice.into()/>
                <VisitBar/>
                // Keyed by the page, so each page is built afresh.
                <For each=move || [state.page.get()] key=|p| *p let:page>
                    {match page {
                        VisitPage::Home => view! { <Home/> }.into_any(),
                        VisitPage::Details => view! { <Details/> }.into_any(),
                        VisitPage::Records => view! { <Records/> }.into_any(),
                        VisitPage::Measure(measure) => view! { <MeasurePage measure/> }.into_any(),
                        VisitPage::Notes => view! { <NotesPage/> }.into_any(),
                        VisitPage::Check => view! { <CheckVisit/> }.into_any(),
                        VisitPage::Done => view! { <Done/> }.into_any(),
                        VisitPage::Wipe => view! { <Wipe/> }.into_any(),
                        VisitPage::Cancel => view! { <CancelVisit/> }.into_any(),
                    }}
                </For>
            </Show>
        </WidgetShell>
    }
}
