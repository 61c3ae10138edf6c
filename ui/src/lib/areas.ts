// The areas of the left rail, in the order of SCREENS.md, with what each one holds.

export type AreaId = 'dashboard' | 'intake' | 'petitions' | 'schedule' | 'reports' | 'catalogues' | 'settings' | 'about';

export interface AreaInfo {
  id: AreaId;
  title: string;
  description: string;
}

export const AREAS: readonly AreaInfo[] = [
  { id: 'dashboard', title: 'Tổng quan', description: 'Việc hôm nay, đơn quá hạn và sắp đến hạn, xu hướng theo tháng.' },
  {
    id: 'intake',
    title: 'Tiếp công dân',
    description:
      'Ghi lượt tiếp công dân và các đơn nộp tại chỗ, tìm người đã từng đến và vụ việc cũ.',
  },
  {
    id: 'petitions',
    title: 'Đơn thư',
    description:
      'Sổ tiếp công dân và sổ theo dõi đơn: lọc theo thời gian, nội dung, loại đơn; xuất Excel.',
  },
  {
    id: 'schedule',
    title: 'Lịch tiếp dân',
    description:
      'Lịch tiếp công dân định kỳ của Chủ tịch và Bí thư, đặt lịch hẹn và in phiếu hẹn, cảnh báo tuần, tháng chưa đủ số buổi theo quy định.',
  },
  {
    id: 'reports',
    title: 'Báo cáo',
    description:
      'Báo cáo thống kê theo mẫu Thông tư 01/2024 (6 tháng, năm…) xuất Excel, mỗi số liệu dẫn tới hồ sơ gốc.',
  },
  {
    id: 'catalogues',
    title: 'Danh mục',
    description: 'Lịch nghỉ lễ, ngày làm bù và các quy định pháp luật đang áp dụng (thời hạn, thẩm quyền, tiếp công dân định kỳ).',
  },
  { id: 'settings', title: 'Cài đặt', description: 'Thông tin cơ quan, sao lưu và khôi phục.' },
  { id: 'about', title: 'Giới thiệu', description: 'Phiên bản, nơi lưu dữ liệu và giấy phép của các thành phần.' },
];
