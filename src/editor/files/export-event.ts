/**
 * The event a viewer fires (bubbling, composed) when its "PNG" button is pressed; the files
 * layer answers it by downloading the viewer's image with the graph inside.
 */
export const EXPORT_PNG_EVENT = 'sg-export-png';
