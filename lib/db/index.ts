/**
 * The notice library in IndexedDB (Dexie 4). lib/db/ is the only place that touches IndexedDB; this
 * index re-exports its public API: database (schema versions, upgrade), notices (library and
 * snapshots), annotations (annotations and status overrides) and settings (settings, persistence).
 */
export { liveQuery } from 'dexie';
export {
  DEFAULT_DB_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_LATEST,
  RectifyDB,
  openDb,
  normalizeTags,
  upgradeAnnotationV1,
  upgradeSnapshotV2,
  type AnnotationV1,
  type SettingRecord,
} from './database';
export {
  normalizeUrl,
  saveNoticeVisit,
  listNotices,
  getNotice,
  listSnapshots,
  getSnapshot,
  deleteNotice,
  findNoticeForPage,
  lastSnapshotAt,
  recentNoticeUrls,
  watchNoticeUrls,
  type NoticeVisit,
  type SavedVisit,
  type PageMatch,
} from './notices';
export {
  addAnnotation,
  updateAnnotation,
  versionOf,
  StaleAnnotationError,
  softDeleteAnnotation,
  restoreAnnotation,
  purgeDeleted,
  listAnnotations,
  annotationPredicate,
  recentAnnotations,
  setAnchorStates,
  setOverride,
  clearOverride,
  listOverrides,
  type NewAnnotation,
  type AnnotationPatch,
  type AnnotationFilter,
  type AnchorUpdate,
} from './annotations';
export {
  getSetting,
  setSetting,
  requestPersistence,
  getReviewerName,
  setReviewerName,
  getReviewerCreator,
  REVIEWER_NAME_KEY,
  type PersistenceState,
} from './settings';
export { exportReviewPackage, importReviewPackage, reviewPackageToJson, conflictingVersions } from './review-package';
export { readLibraryReview, type LibraryNoticeReview } from './ledger';
export { listVersions, deleteVersion, restoreVersion, type VersionSummary, type RemovedVersion } from './versions';
