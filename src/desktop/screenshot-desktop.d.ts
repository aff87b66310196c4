// Types for the parts of screenshot-desktop 1.15 that Deskhand uses (the package ships none). Node only.
declare module 'screenshot-desktop' {
  interface ScreenshotOptions {
    /** The display id of screenshot.listDisplays(); on Linux the xrandr output name. */
    screen?: string | number;
    format?: 'png' | 'jpg' | 'jpeg';
    filename?: string;
    linuxLibrary?: 'imagemagick' | 'scrot';
  }
  /** On Linux: the xrandr outputs with their offsets and sizes in pixels. */
  interface ScreenshotDisplay {
    id: string | number;
    name?: string;
    offsetX?: number;
    offsetY?: number;
    width?: number;
    height?: number;
  }
  function screenshot(options?: ScreenshotOptions): Promise<Buffer>;
  namespace screenshot {
    function listDisplays(): Promise<ScreenshotDisplay[]>;
  }
  export default screenshot;
}
