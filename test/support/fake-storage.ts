/** wx-server-sdk cloud storage (downloadFile, uploadFile, deleteFile, getTempFileURL) in memory, for the platform adapters' tests. */

/** The environment prefix of file ids: `<ENV>/<cloudPath>`, as wx-server-sdk makes them. */
export const STORAGE_ENV = 'cloud://zdt-prod-1a2b.7a64-zdt-prod-1a2b-1300000000';

/** Cloud storage in memory, keyed by cloudPath; `put` stores a file directly and answers its file id. */
export function fakeStorage() {
  const files = new Map<string, Buffer>();
  const pathOf = (fileID: string) => fileID.slice(STORAGE_ENV.length + 1);
  const put = (cloudPath: string, bytes: Uint8Array): string => {
    files.set(cloudPath, Buffer.from(bytes));
    return `${STORAGE_ENV}/${cloudPath}`;
  };
  return {
    files,
    put,
    downloadFile: jest.fn(async ({ fileID }: { fileID: string }) => {
      const bytes = files.get(pathOf(fileID));
      if (!bytes) throw Object.assign(new Error('downloadFile:fail'), { errCode: -503003, errMsg: 'downloadFile:fail STORAGE_FILE_NONEXIST' });
      return { fileContent: Buffer.from(bytes) };
    }),
    uploadFile: jest.fn(async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => ({ fileID: put(cloudPath, fileContent) })),
    deleteFile: jest.fn(async ({ fileList }: { fileList: string[] }) => ({
      fileList: fileList.map((fileID) => ({ fileID, status: files.delete(pathOf(fileID)) ? 0 : -1 })),
    })),
    // File ids alone, or with a maxAge, as the SDK takes them.
    getTempFileURL: jest.fn(async ({ fileList }: { fileList: (string | { fileID: string; maxAge: number })[] }) => ({
      // Answers in its own order, with a failure entry for a missing file.
      fileList: fileList
        .map((f) => (typeof f === 'string' ? f : f.fileID))
        .reverse()
        .map((fileID) =>
          files.has(pathOf(fileID)) ? { fileID, tempFileURL: `https://tmp.example/${pathOf(fileID)}?sign=x`, status: 0 } : { fileID, tempFileURL: '', status: -1 },
        ),
    })),
  };
}
