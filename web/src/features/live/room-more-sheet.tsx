import { EllipsisOutlined, RightOutlined, ShopOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { Drawer } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ReportDialog, useReportOpener } from '../pipeline/report-button';
import type { SessionDetail } from './api';
import { LIVE_NS } from './i18n';

/**
 * The room's "⋯" button (top bar, next to close) and its bottom sheet: the host's page, the employers'
 * pages, and 举报 — kept off the video so the room stays clean.
 */
export function RoomMoreButton({ detail }: { detail: SessionDetail }) {
  const { t } = useTranslation(LIVE_NS);
  const [isOpen, setIsOpen] = useState(false);
  const report = useReportOpener();

  const handleReport = () => {
    setIsOpen(false);
    report.open();
  };

  return (
    <>
      <button type="button" className="room-close" onClick={() => setIsOpen(true)} aria-label={t('more.button')} data-testid="room-more">
        <EllipsisOutlined />
      </button>
      <Drawer open={isOpen} onClose={() => setIsOpen(false)} placement="bottom" size="auto" title={t('more.title')} className="room-more-sheet">
        <ul className="room-more-list" data-testid="room-more-sheet">
          <li>
            <Link to={`/hosts/${detail.hostUserId}`} className="room-more-item" data-testid="room-more-host">
              <UserOutlined />
              <span className="room-more-text"><span>{t('more.hostPage')}</span><small>{detail.hostName}</small></span>
              <RightOutlined className="room-more-arrow" />
            </Link>
          </li>
          {detail.employers.map((employer) => (
            <li key={employer.companyId}>
              <Link to={`/companies/${employer.companyId}`} className="room-more-item" data-testid="room-more-company">
                <ShopOutlined />
                <span className="room-more-text"><span>{t('more.companyPage')}</span><small>{employer.name}</small></span>
                <RightOutlined className="room-more-arrow" />
              </Link>
            </li>
          ))}
          <li>
            <button type="button" className="room-more-item is-danger" onClick={handleReport} data-testid="room-report">
              <WarningOutlined />
              <span className="room-more-text"><span>{t('more.report')}</span><small>{t('more.reportHint')}</small></span>
            </button>
          </li>
        </ul>
      </Drawer>
      <ReportDialog targetKind="session" targetId={detail.id} isOpen={report.isOpen} onClose={report.close} />
    </>
  );
}
