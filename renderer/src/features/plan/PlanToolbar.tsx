import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type { UndoManager } from 'yjs';
import { Bold, EyeOff, Italic, List, ListOrdered, Redo2, Undo2 } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionNeverExport } from './neverExport';
import { isMacPlatform } from './shortcuts';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  bulletList: boolean;
  orderedList: boolean;
  neverExport: boolean;
}

const selectState = ({ editor }: { editor: Editor }): ToolbarState => ({
  bold: editor.isActive('bold'),
  italic: editor.isActive('italic'),
  bulletList: editor.isActive('bulletList'),
  orderedList: editor.isActive('orderedList'),
  neverExport: selectionNeverExport(editor.state),
});

const undoEvents = ['stack-item-added', 'stack-item-popped', 'stack-cleared', 'stack-item-updated'] as const;

const stacksOf = (manager: UndoManager | null) => ({ canUndo: (manager?.undoStack.length ?? 0) > 0, canRedo: (manager?.redoStack.length ?? 0) > 0 });

/**
 * Whether undo and redo can do something, from the editor's Yjs undo manager. Its stacks
 * change after the editor's transaction (when the Yjs transaction ends), so reading them
 * on editor transactions lags one step behind: listen to the manager itself.
 */
function useUndoStacks(editor: Editor): { canUndo: boolean; canRedo: boolean } {
  const manager = (yUndoPluginKey.getState(editor.state) as { undoManager?: UndoManager } | undefined)?.undoManager ?? null;
  const [stacks, setStacks] = useState(() => stacksOf(manager));
  useEffect(() => {
    if (!manager) return undefined;
    const update = (): void => setStacks((current) => {
      const next = stacksOf(manager);
      return next.canUndo === current.canUndo && next.canRedo === current.canRedo ? current : next;
    });
    update();
    undoEvents.forEach((event) => manager.on(event, update));
    return () => undoEvents.forEach((event) => manager.off(event, update));
  }, [manager]);
  return stacks;
}

interface Tool {
  id: string;
  label: string;
  icon: ReactNode;
  /** ARIA notation, e.g. `Control+B`. */
  keys: string;
  /** Toggle buttons report their state; undo/redo do not. */
  pressed?: boolean;
  disabled?: boolean;
  run(): void;
}

/**
 * The formatting toolbar of one section: a WAI-ARIA toolbar (one tab stop; arrow keys,
 * Home and End move between buttons). Buttons keep the editor's focus on mouse use and
 * give it back after a keyboard press, so typing continues where it was.
 */
export function PlanToolbar({ editor, sectionLabel }: { editor: Editor; sectionLabel: string }) {
  const { t } = useTranslation();
  const formatting = useEditorState({ editor, selector: selectState });
  const state = { ...formatting, ...useUndoStacks(editor) };
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const mod = isMacPlatform() ? 'Meta' : 'Control';
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { id: 'bold', label: t('plan.bold'), icon: <Bold size={16} />, keys: `${mod}+B`, pressed: state.bold, run: () => chain().toggleBold().run() },
    { id: 'italic', label: t('plan.italic'), icon: <Italic size={16} />, keys: `${mod}+I`, pressed: state.italic, run: () => chain().toggleItalic().run() },
    { id: 'bulletList', label: t('plan.bulletList'), icon: <List size={16} />, keys: `${mod}+Shift+8`, pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { id: 'orderedList', label: t('plan.orderedList'), icon: <ListOrdered size={16} />, keys: `${mod}+Shift+7`, pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { id: 'neverExport', label: t('plan.neverExport'), icon: <EyeOff size={16} />, keys: `${mod}+Shift+E`, pressed: state.neverExport, run: () => chain().toggleNeverExport().run() },
    { id: 'undo', label: t('plan.undo'), icon: <Undo2 size={16} />, keys: `${mod}+Z`, disabled: !state.canUndo, run: () => chain().undo().run() },
    { id: 'redo', label: t('plan.redo'), icon: <Redo2 size={16} />, keys: `${mod}+Shift+Z ${mod}+Y`, disabled: !state.canRedo, run: () => chain().redo().run() },
  ];

  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const last = tools.length - 1;
    const next = event.key === 'ArrowRight' ? (active === last ? 0 : active + 1)
      : event.key === 'ArrowLeft' ? (active === 0 ? last : active - 1)
        : event.key === 'Home' ? 0
          : event.key === 'End' ? last
            : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <div className="plan-toolbar" role="toolbar" aria-label={t('plan.toolbarLabel', { section: sectionLabel })} onKeyDown={move}>
      {tools.map((tool, index) => (
        <button
          key={tool.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          className="plan-toolbar__button"
          tabIndex={index === active ? 0 : -1}
          aria-label={tool.label}
          title={`${tool.label} (${tool.keys.split(' ')[0]?.replace('Control', 'Ctrl').replace('Meta', '⌘')})`}
          aria-keyshortcuts={tool.keys}
          aria-pressed={tool.pressed}
          // aria-disabled keeps the button focusable in the toolbar, as the pattern advises.
          aria-disabled={tool.disabled ? true : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onFocus={() => setActive(index)}
          onClick={() => {
            if (!tool.disabled) tool.run();
          }}
        >
          <span aria-hidden="true">{tool.icon}</span>
        </button>
      ))}
    </div>
  );
}
