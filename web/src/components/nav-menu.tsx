// The navigation menu (horizontal in the desktop header, vertical in the phone's drawer), loaded on demand:
// a phone's first screen shows neither.
import { Drawer, Menu, type MenuProps } from 'antd';

type NavMenuProps = { items: MenuProps['items']; selectedKeys: string[]; onNavigate: (info: { key: string }) => void };

export default function HeaderNav({ items, selectedKeys, onNavigate }: NavMenuProps) {
  return <Menu className="nav" mode="horizontal" items={items} selectedKeys={selectedKeys} onClick={onNavigate} data-testid="main-nav" />;
}

export function NavDrawer({ isOpen, title, onClose, ...menu }: NavMenuProps & { isOpen: boolean; title: string; onClose: () => void }) {
  return (
    <Drawer open={isOpen} onClose={onClose} placement="right" size={260} title={title}>
      <Menu mode="vertical" items={menu.items} selectedKeys={menu.selectedKeys} onClick={menu.onNavigate} style={{ borderInlineEnd: 'none' }} />
    </Drawer>
  );
}
