package nl.spiegel.shared.ui;

import com.vaadin.flow.component.dialog.Dialog;

/**
 * Builds the dialog behind the always-visible help button. The escalation module provides the real one with the
 * organisation's crisis contacts; {@link CrisisDialog} is the fallback with the Dutch defaults.
 */
public interface HelpDialogFactory {

    Dialog create();
}
