import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/use-api';
import { OccupationForm } from './occupation-form';
import { occupationsApi, OCCUPATIONS_NS, type Occupation } from './occupation-fields';

type Editing = { kind: 'new' } | { kind: 'edit'; occupation: Occupation } | null;

/** Admins: the catalogue with each entry's code, batch and source; add an entry or correct one. */
export function OccupationCatalogueAdmin({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation(OCCUPATIONS_NS);
  const { message } = App.useApp();
  const [attempt, setAttempt] = useState(0);
  const catalogue = useApi(occupationsApi.list, `occupations-${attempt}`);
  const [editing, setEditing] = useState<Editing>(null);
  const occupations = catalogue.data?.occupations ?? [];

  const handleSaved = (occupation: Occupation) => {
    void message.success(t(editing?.kind === 'new' ? 'catalogue.created' : 'catalogue.updated', { name: occupation.name }));
    setEditing(null);
    setAttempt((value) => value + 1);
    onSaved();
  };

  return (
    <>
      <Collapse
        size="small"
        data-testid="occupation-catalogue"
        items={[{
          key: 'catalogue',
          label: `${t('catalogue.title')}${catalogue.data ? ` · ${t('catalogue.count', { count: occupations.length })}` : ''}`,
          children: (
            <div className="stack" style={{ gap: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('catalogue.hint')}</Typography.Text>
              <Button icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'new' })} style={{ alignSelf: 'flex-start' }} data-testid="occupation-add">{t('catalogue.add')}</Button>
              <Table<Occupation>
                size="small"
                rowKey="id"
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 'max-content' }}
                dataSource={occupations}
                loading={catalogue.isLoading}
                data-testid="occupation-catalogue-table"
                columns={[
                  {
                    title: t('catalogue.name'),
                    dataIndex: 'name',
                    // The name opens the editor: on a phone a last column would sit beyond the table's scroll.
                    render: (name: string, occupation) => (
                      <>
                        <Button type="link" onClick={() => setEditing({ kind: 'edit', occupation })} style={{ padding: 0, height: 'auto', fontWeight: 600 }} data-testid={`occupation-edit-${occupation.id}`}>
                          {name} <EditOutlined aria-label={t('catalogue.edit')} />
                        </Button>
                        <div className="impact-tile-note">{occupation.classificationCode ?? t('catalogue.noCode')}</div>
                      </>
                    ),
                  },
                  { title: t('catalogue.group'), dataIndex: 'groupKey', render: (groupKey: Occupation['groupKey']) => <Tag>{t(`groups.${groupKey}`)}</Tag> },
                  { title: t('catalogue.batch'), dataIndex: 'announcementBatch', render: (batch: string | null) => <div style={{ minWidth: 140, maxWidth: 260 }}>{batch ?? '—'}</div> },
                  {
                    title: t('catalogue.source'),
                    dataIndex: 'source',
                    render: (source: string) => <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0, maxWidth: 360, minWidth: 200 }} ellipsis={{ rows: 2, expandable: true }}>{source}</Typography.Paragraph>,
                  },
                ]}
              />
            </div>
          ),
        }]}
      />
      <Modal
        open={editing !== null}
        onCancel={() => setEditing(null)}
        footer={null}
        title={editing?.kind === 'edit' ? t('catalogue.editTitle', { name: editing.occupation.name }) : t('catalogue.addTitle')}
        destroyOnHidden
        width={560}
      >
        {editing ? <OccupationForm occupation={editing.kind === 'edit' ? editing.occupation : undefined} onSaved={handleSaved} onCancel={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}
