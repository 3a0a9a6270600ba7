/**
 * Tray, Menu, nativeImage, dialog, shell, screen, session: each records what main set and
 * can be driven (a menu item clicked, the tray clicked) the way a user would.
 */
import { EventEmitter } from 'node:events';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real decode of the PNG header: bytes that are not a PNG give an empty image, as in Electron. */
export class NativeImageDouble {
  constructor(
    private readonly png: Buffer,
    private readonly scaleFactor: number,
  ) {}
  isEmpty(): boolean {
    return this.png.length < 24 || !this.png.subarray(0, 8).equals(PNG_SIGNATURE);
  }
  getSize(): { width: number; height: number } {
    if (this.isEmpty()) return { width: 0, height: 0 };
    return {
      width: Math.round(this.png.readUInt32BE(16) / this.scaleFactor),
      height: Math.round(this.png.readUInt32BE(20) / this.scaleFactor),
    };
  }
  toPNG(): Buffer {
    return this.isEmpty() ? Buffer.alloc(0) : Buffer.from(this.png);
  }
}

export const nativeImage = {
  createFromBuffer: (buffer: Buffer, options: { scaleFactor?: number } = {}) =>
    new NativeImageDouble(Buffer.from(buffer), options.scaleFactor ?? 1),
  createEmpty: () => new NativeImageDouble(Buffer.alloc(0), 1),
};

export type MenuItemOptions = {
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  checked?: boolean;
  enabled?: boolean;
  visible?: boolean;
  click?: (item: MenuItemDouble, window: unknown, event: unknown) => void;
  submenu?: MenuItemOptions[];
};

export class MenuItemDouble {
  readonly label: string;
  readonly type: string;
  checked: boolean;
  readonly enabled: boolean;
  readonly submenu: MenuDouble | null;
  private readonly onClick: MenuItemOptions['click'];
  constructor(o: MenuItemOptions) {
    this.label = o.label ?? '';
    this.type = o.type ?? (o.submenu ? 'submenu' : 'normal');
    this.checked = o.checked ?? false;
    this.enabled = o.enabled ?? true;
    this.submenu = o.submenu ? MenuDouble.buildFromTemplate(o.submenu) : null;
    this.onClick = o.click;
  }
  /** What a user's click does: a checkbox flips first, then the handler runs. */
  click(window: unknown = null): void {
    if (!this.enabled) return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    this.onClick?.(this, window, { triggeredByAccelerator: false });
  }
}

export class MenuDouble {
  readonly items: MenuItemDouble[] = [];
  static buildFromTemplate(template: readonly MenuItemOptions[]): MenuDouble {
    const menu = new MenuDouble();
    for (const o of template) menu.items.push(new MenuItemDouble(o));
    return menu;
  }
  static setApplicationMenu(menu: MenuDouble | null): void {
    applicationMenu.current = menu;
  }
  static getApplicationMenu(): MenuDouble | null {
    return applicationMenu.current;
  }
}
const applicationMenu: { current: MenuDouble | null } = { current: null };

export type MenuSnapshot = Array<{ label: string; type: string; checked: boolean; submenu?: MenuSnapshot }>;
export const snapshotMenu = (menu: MenuDouble | null): MenuSnapshot =>
  (menu?.items ?? []).map(i => ({
    label: i.label,
    type: i.type,
    checked: i.checked,
    ...(i.submenu ? { submenu: snapshotMenu(i.submenu) } : {}),
  }));

export const trays = new Set<TrayDouble>();

export class TrayDouble extends EventEmitter {
  image: NativeImageDouble;
  tooltip = '';
  title = '';
  menu: MenuDouble | null = null;
  destroyed = false;
  constructor(image: NativeImageDouble) {
    super();
    if (!(image instanceof NativeImageDouble)) throw new TypeError('Tray needs a NativeImage');
    this.image = image;
    trays.add(this);
  }
  setImage(image: NativeImageDouble): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: MenuDouble | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
    trays.delete(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const recorded = {
  errorBoxes: [] as Array<{ title: string; content: string }>,
  openedExternal: [] as string[],
};

export const dialog = {
  showErrorBox(title: string, content: string): void {
    recorded.errorBoxes.push({ title, content });
    console.error(`[electron double] error box: ${title}: ${content}`);
  },
};

export const shell = {
  openExternal(url: string): Promise<void> {
    recorded.openedExternal.push(url);
    return Promise.resolve();
  },
};

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 0, width: 1920, height: 1050 },
  scaleFactor: 1,
};
export const screen = {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
};

type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
export const permissions: { request: PermissionHandler | null } = { request: null };
export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: PermissionHandler | null): void {
      permissions.request = handler;
    },
  },
};
