"""A corpus written for the relevance tests: confusable syllables (`dân`/`danh`/`đang`/`Đảng`),
phrases against scattered words, old and new tone marks, text stored in NFD.

Each entry: key → (title, lead, body, date). The keys name what the article is there to test.
"""

import datetime
import unicodedata

D = datetime.date

CORPUS = {
    "dang_uy": (
        "Đảng ủy Tổng công ty sơ kết công tác dân vận",
        "Đảng ủy EVNGENCO2 tổ chức hội nghị sơ kết sáu tháng.",
        "Các chi bộ báo cáo kết quả thực hiện nghị quyết.",
        D(2024, 5, 1),
    ),
    "dang_uy_quyen": (
        "Công ty đang ủy quyền cho chi nhánh ký hợp đồng",
        "Ban giám đốc đang hoàn thiện thủ tục.",
        "Ủy ban nhân dân tỉnh đã chấp thuận chủ trương.",
        D(2024, 11, 20),
    ),
    "dan_van_kheo": (
        "Dân vận khéo ở Nhà máy Thủy điện Thác Mơ",
        "Phong trào “Dân vận khéo” được triển khai rộng khắp.",
        "Công nhân tham gia sửa đường liên thôn.",
        D(2024, 6, 1),
    ),
    "danh_sach": (
        "Danh sách vận động viên dự hội thao",
        "Công đoàn công bố danh sách.",
        "Các vận động viên thanh niên tập luyện hằng ngày.",
        D(2024, 12, 1),
    ),
    "dien_mat_troi": (
        "Khánh thành nhà máy điện mặt trời Phước Thái",
        "Nhà máy điện mặt trời Phước Thái 3 chính thức vận hành.",
        "Công suất lắp đặt 50 MW.",
        D(2023, 3, 10),
    ),
    "dien_mat_troi_scattered": (
        "Hội nghị tổng kết năm 2024",
        "Tổng công ty tổ chức hội nghị tổng kết.",
        "Năm qua sản lượng điện tăng; mặt bằng các dự án được giải phóng; trời mưa nhiều làm hồ chứa đầy nước.",
        D(2024, 12, 20),
    ),
    "atvsld": (
        "Đào tạo an toàn vệ sinh lao động cho công nhân",
        "Khóa huấn luyện an toàn vệ sinh lao động năm 2024.",
        "Học viên thực hành sơ cứu.",
        D(2024, 3, 5),
    ),
    "atvsld_scattered": (
        "Sản xuất an toàn trong mùa mưa bão",
        "Người lao động được trang bị đồ bảo hộ.",
        "Công tác vệ sinh công nghiệp được chú trọng; lãnh đạo động viên anh em.",
        D(2024, 10, 15),
    ),
    "thuy_dien_old_tone": (
        "Thủy điện Sông Ba Hạ vận hành an toàn",
        "Hồ chứa thuỷ điện được điều tiết hợp lý.",
        "Lưu lượng về hồ tăng mạnh.",
        D(2024, 9, 1),
    ),
    "hoa_luoi": (
        "Hòa lưới điện tổ máy số 2",
        "Tổ máy hoà lưới thành công sau đại tu.",
        "Kỹ sư theo dõi thông số.",
        D(2024, 8, 1),
    ),
    "hoa_chat": (
        "Hóa chất xử lý nước được kiểm định",
        "Phòng thí nghiệm hoá học kiểm tra mẫu.",
        "Kết quả đạt yêu cầu.",
        D(2024, 7, 1),
    ),
    "nfd": (
        unicodedata.normalize("NFD", "Phong trào thi đua yêu nước"),
        unicodedata.normalize("NFD", "Các đơn vị hưởng ứng phong trào."),
        unicodedata.normalize("NFD", "Nhiều sáng kiến được công nhận."),
        D(2024, 4, 1),
    ),
    "thanh_nien": (
        "Thanh niên tình nguyện mùa hè",
        "Đoàn thanh niên ra quân.",
        "Các bạn trẻ sửa nhà cho người dân.",
        D(2024, 7, 20),
    ),
    "van_hoa": (
        "Văn hóa doanh nghiệp",
        "Xây dựng văn hóa nơi làm việc.",
        "Mỗi người là một đại sứ.",
        D(2024, 2, 1),
    ),
    "bong_da": (
        "Công đoàn tổ chức giải bóng đá",
        "Giải bóng đá công nhân viên chức.",
        "Đội Nhiệt điện Cần Thơ vô địch.",
        D(2024, 4, 20),
    ),
    "cau_long": (
        "Giải cầu lông truyền thống",
        "Vận động viên cầu lông tranh tài.",
        "Giải diễn ra trong hai ngày.",
        D(2024, 5, 20),
    ),
    "can_tho": (
        "Nhiệt điện Cần Thơ bảo dưỡng tổ máy",
        "Nhiệt điện Cần Thơ hoàn thành bảo dưỡng định kỳ.",
        "Tổ máy sẵn sàng phát điện.",
        D(2024, 1, 15),
    ),
    "dang_bo": (
        "Đảng bộ Nhiệt điện Phả Lại học tập nghị quyết",
        "Đảng bộ tổ chức học tập chuyên đề.",
        "Đảng viên viết bài thu hoạch.",
        D(2024, 2, 20),
    ),
}

NFD = unicodedata.normalize("NFD", "thi đua yêu nước")

# (query, the article expected first (None: nothing may be found), articles that must not be
# found, (better, worse) pairs that must come in that order)
QUERIES = [
    ("dan van", "dan_van_kheo", ["danh_sach"], [("dan_van_kheo", "dang_uy")]),
    ("dân vận", "dan_van_kheo", ["danh_sach"], []),
    ("dan van kheo", "dan_van_kheo", ["danh_sach", "dang_uy"], []),
    ('"dân vận khéo"', "dan_van_kheo", ["dang_uy"], []),
    ("Đảng ủy", "dang_uy", ["dang_bo"], [("dang_uy", "dang_uy_quyen")]),
    ("dang uy", "dang_uy", ["dang_bo"], []),
    ('"dang uy', "dang_uy", ["dang_bo"], []),
    ("an", "atvsld", ["thanh_nien", "van_hoa", "danh_sach"], []),
    ("an toàn vệ sinh lao động", "atvsld", [], [("atvsld", "atvsld_scattered")]),
    ('"an toàn vệ sinh lao động"', "atvsld", ["atvsld_scattered"], []),
    ("điện mặt trời", "dien_mat_troi", [], [("dien_mat_troi", "dien_mat_troi_scattered")]),
    ('"điện mặt trời"', "dien_mat_troi", ["dien_mat_troi_scattered"], []),
    ("ĐIỆN MẶT TRỜI", "dien_mat_troi", [], []),
    ("⚡ điện, mặt-trời!", "dien_mat_troi", [], []),
    ("thuỷ điện", "thuy_dien_old_tone", [], []),
    ("thủy điện sông ba", "thuy_dien_old_tone", ["dan_van_kheo"], []),
    ("hoà lưới", "hoa_luoi", [], []),
    ("hòa lưới", "hoa_luoi", [], []),
    ("hoá chất", "hoa_chat", [], []),
    ("hóa chất", "hoa_chat", [], []),
    (NFD, "nfd", [], []),
    ("thi dua yeu nuoc", "nfd", [], []),
    ("bóng đá OR cầu lông", "cau_long", ["can_tho"], [("cau_long", "bong_da")]),
    ('nhiet dien can tho -"bao duong"', "bong_da", ["can_tho"], []),
    ("nhiệt điện cần thơ -bảo", "bong_da", ["can_tho"], []),
    ("Nhiệt điện Cần Thơ", "can_tho", [], [("can_tho", "bong_da")]),
    ("Đảng bộ", "dang_bo", [], [("dang_bo", "dang_uy")]),
    ("thanh nien", "thanh_nien", [], [("thanh_nien", "danh_sach")]),
    ("van hoa", "van_hoa", ["thanh_nien"], []),
    ("khanh", "dien_mat_troi", ["thanh_nien"], []),
    ("EVNGENCO2", "dang_uy", [], []),
    ("-", None, [], []),
    ("!!! ...", None, [], []),
    ("%", None, [], []),
    ("_", None, [], []),
    ('"', None, [], []),
    ("x" * 200, None, [], []),
]
