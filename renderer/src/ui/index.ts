/** Shared presentational components: props in, markup out; no store, no i18n. */
export { Button, type ButtonProps } from './Button';
export { IconButton, type IconButtonProps } from './IconButton';
export { Field, TextInput, Select, type TextInputProps, type SelectProps } from './Field';
export { EmptyState, type EmptyStateProps } from './EmptyState';
export { StatusPill, type StatusPillProps, type StatusTone } from './StatusPill';
export { Dialog, type DialogProps } from './Dialog';
export { Toaster, type Toast, type ToasterProps } from './Toaster';
export { PageHeading } from './PageHeading';
