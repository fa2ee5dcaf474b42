"""Demo content for the EVNGENCO2 news site.

Pure data (no Django imports): member units, categories, authors and news articles
about the Tổng công ty Phát điện 2 (EVNGENCO2) and its member units.  A management
command or test fixture turns this into Wagtail pages; hero and inline photos are
generated placeholders filled with the given colour.

Article body blocks are tuples:

* ``("paragraph", text)``
* ``("field", label, text)``: a labelled section, e.g. "Lĩnh vực kinh tế: ..."
* ``("image", caption, credit, colour)``: credit may be ""
* ``("quote", text, attribution)``

All strings are plain text (no HTML).  People quoted are fictional.
"""

# Member units; the corporation itself comes first.
UNITS = [
    {
        "slug": "evngenco2",
        "name": "Tổng công ty Phát điện 2",
        "short_name": "EVNGENCO2",
        "description": (
            "Tổng công ty Phát điện 2 (EVNGENCO2) là đơn vị thành viên của Tập đoàn "
            "Điện lực Việt Nam, quản lý vận hành các nhà máy nhiệt điện và thủy điện "
            "trải dài từ Bắc vào Nam, trụ sở chính đặt tại thành phố Cần Thơ."
        ),
        "website": "https://www.evngenco2.vn",
    },
    {
        "slug": "nhiet-dien-can-tho",
        "name": "Công ty Nhiệt điện Cần Thơ",
        "short_name": "Nhiệt điện Cần Thơ",
        "description": (
            "Đơn vị hạch toán phụ thuộc EVNGENCO2, quản lý vận hành các tổ máy tua "
            "bin khí và nhiệt điện tại quận Bình Thủy, thành phố Cần Thơ."
        ),
        "website": "https://www.evngenco2.vn/don-vi/nhiet-dien-can-tho",
    },
    {
        "slug": "nhiet-dien-pha-lai",
        "name": "Công ty Cổ phần Nhiệt điện Phả Lại",
        "short_name": "Nhiệt điện Phả Lại",
        "description": (
            "Quản lý vận hành Nhà máy Nhiệt điện Phả Lại gồm sáu tổ máy đốt than với "
            "tổng công suất 1.040 MW tại thành phố Chí Linh, tỉnh Hải Dương."
        ),
        "website": "https://www.evngenco2.vn/don-vi/nhiet-dien-pha-lai",
    },
    {
        "slug": "thuy-dien-thac-mo",
        "name": "Công ty Cổ phần Thủy điện Thác Mơ",
        "short_name": "Thủy điện Thác Mơ",
        "description": (
            "Quản lý vận hành Nhà máy Thủy điện Thác Mơ trên sông Bé, tỉnh Bình "
            "Phước, gồm ba tổ máy với tổng công suất 225 MW."
        ),
        "website": "https://www.evngenco2.vn/don-vi/thuy-dien-thac-mo",
    },
    {
        "slug": "thuy-dien-a-vuong",
        "name": "Công ty Cổ phần Thủy điện A Vương",
        "short_name": "Thủy điện A Vương",
        "description": (
            "Quản lý vận hành Nhà máy Thủy điện A Vương công suất 210 MW tại hai "
            "huyện miền núi Đông Giang và Tây Giang, tỉnh Quảng Nam."
        ),
        "website": "https://www.evngenco2.vn/don-vi/thuy-dien-a-vuong",
    },
    {
        "slug": "thuy-dien-song-ba-ha",
        "name": "Công ty Cổ phần Thủy điện Sông Ba Hạ",
        "short_name": "Thủy điện Sông Ba Hạ",
        "description": (
            "Quản lý vận hành Nhà máy Thủy điện Sông Ba Hạ công suất 220 MW trên sông Ba, huyện Sơn Hòa, tỉnh Phú Yên."
        ),
        "website": "https://www.evngenco2.vn/don-vi/thuy-dien-song-ba-ha",
    },
]

# News categories.
CATEGORIES = [
    {
        "slug": "san-xuat-kinh-doanh",
        "name": "Sản xuất - Kinh doanh",
        "description": (
            "Kết quả sản xuất điện, vận hành, sửa chữa và các chỉ tiêu kinh tế - kỹ "
            "thuật của Tổng công ty và các đơn vị."
        ),
    },
    {
        "slug": "cong-tac-dang",
        "name": "Công tác Đảng",
        "description": (
            "Hoạt động xây dựng Đảng, học tập nghị quyết, công tác dân vận và kiểm "
            "tra, giám sát trong Đảng bộ Tổng công ty."
        ),
    },
    {
        "slug": "doan-the",
        "name": "Đoàn thể",
        "description": (
            "Hoạt động của Công đoàn, Đoàn Thanh niên, nữ công và các phong trào văn hóa, thể thao của người lao động."
        ),
    },
    {
        "slug": "an-toan-lao-dong",
        "name": "An toàn lao động",
        "description": (
            "An toàn, vệ sinh lao động, phòng cháy chữa cháy, phòng chống thiên tai và an toàn đập, hồ chứa."
        ),
    },
    {
        "slug": "chuyen-doi-so",
        "name": "Chuyển đổi số",
        "description": ("Ứng dụng công nghệ thông tin, số hóa quản trị và quản lý kỹ thuật tại các nhà máy điện."),
    },
    {
        "slug": "trach-nhiem-xa-hoi",
        "name": "Trách nhiệm xã hội",
        "description": (
            "Hoạt động an sinh xã hội, từ thiện, khuyến học và đồng hành cùng địa phương nơi các nhà máy đóng chân."
        ),
    },
]

# Bylines.
AUTHORS = [
    {"slug": "phuong-linh", "name": "Phương Linh"},
    {"slug": "minh-tuan", "name": "Minh Tuấn"},
    {"slug": "thu-ha", "name": "Thu Hà"},
    {"slug": "quoc-bao", "name": "Quốc Bảo"},
    {"slug": "ngoc-anh", "name": "Ngọc Ánh"},
    {"slug": "van-hung", "name": "Văn Hùng"},
]

# News articles, keyed by a stable ``key``; dates are ISO (YYYY-MM-DD).
ARTICLES = [
    {
        "key": "demo-001",
        "date": "2024-09-06",
        "title": "EVNGENCO2 hoàn thành 68,4% kế hoạch sản lượng điện năm sau 8 tháng",
        "units": ["evngenco2"],
        "categories": ["san-xuat-kinh-doanh"],
        "tags": ["sản lượng điện", "mùa khô", "an toàn"],
        "author": "phuong-linh",
        "hero_caption": (
            "Ca vận hành tại phòng điều khiển trung tâm của một nhà máy nhiệt điện thuộc EVNGENCO2 trong giờ cao điểm."
        ),
        "hero_colour": "#1f5f8b",
        "lead": (
            "Tám tháng đầu năm 2024, các nhà máy điện thuộc Tổng công ty Phát điện 2 "
            "(EVNGENCO2) đã sản xuất được 13,42 tỷ kWh, đạt 68,4% kế hoạch năm, tăng "
            "7,6% so với cùng kỳ năm trước. Toàn Tổng công ty không để xảy ra tai "
            "nạn lao động và sự cố thiết bị nghiêm trọng, đáp ứng yêu cầu huy động "
            "của hệ thống điện quốc gia trong suốt mùa khô."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Theo báo cáo tại hội nghị giao ban sản xuất tháng 8 do Tổng công ty tổ "
                    "chức ngày 4/9, trong mùa khô năm 2024, phụ tải hệ thống điện quốc gia "
                    "liên tục lập đỉnh mới, có thời điểm vượt 49.000 MW. Trước yêu cầu bảo "
                    "đảm cung ứng điện, EVNGENCO2 đã chỉ đạo các đơn vị chủ động chuẩn bị "
                    "nhiên liệu, vật tư dự phòng và bố trí nhân lực trực vận hành 24/24 giờ, "
                    "sẵn sàng đáp ứng lệnh điều độ của Trung tâm Điều độ hệ thống điện quốc "
                    "gia (A0)."
                ),
            ),
            (
                "paragraph",
                (
                    "Các nhà máy nhiệt điện than tiếp tục là trụ cột về sản lượng. Nhà máy "
                    "Nhiệt điện Phả Lại vận hành ổn định cả sáu tổ máy trong giai đoạn cao "
                    "điểm tháng 5 và tháng 6, hệ số khả dụng bình quân đạt trên 92%. Các nhà "
                    "máy thủy điện Thác Mơ, A Vương và Sông Ba Hạ, dù lưu lượng nước về hồ "
                    "thấp hơn trung bình nhiều năm từ 15 đến 25%, vẫn điều tiết hợp lý để "
                    "vừa phát điện giờ cao điểm, vừa giữ mực nước phục vụ cấp nước cho vùng "
                    "hạ du."
                ),
            ),
            (
                "quote",
                (
                    "Mùa khô năm nay là thử thách lớn nhất đối với đội ngũ vận hành trong "
                    "nhiều năm trở lại đây. Kết quả đạt được có ý nghĩa ở chỗ chúng ta vừa "
                    "phát điện cao, vừa giữ an toàn tuyệt đối cho người và thiết bị."
                ),
                "Ông Trần Quốc Hưng, Tổng giám đốc EVNGENCO2",
            ),
            (
                "paragraph",
                (
                    "Về công tác sửa chữa, tám tháng qua các đơn vị đã hoàn thành 14 đợt sửa "
                    "chữa lớn và sửa chữa định kỳ theo kế hoạch, trong đó nhiều hạng mục "
                    "được rút ngắn thời gian thi công từ 3 đến 7 ngày nhờ chuẩn bị tốt vật "
                    "tư, thiết bị. Công tác quản lý chi phí được kiểm soát chặt chẽ; suất "
                    "tiêu hao nhiên liệu tại các nhà máy nhiệt điện đều thấp hơn định mức "
                    "được giao."
                ),
            ),
            (
                "paragraph",
                (
                    "Bên cạnh những kết quả tích cực, hội nghị cũng chỉ ra một số tồn tại "
                    "như việc cung cấp một số vật tư nhập khẩu còn chậm, thiết bị lò hơi tại "
                    "một số tổ máy đã vận hành lâu năm có dấu hiệu xuống cấp, cần được theo "
                    "dõi chặt chẽ. Tổng công ty yêu cầu các đơn vị rà soát, bổ sung phương "
                    "án xử lý, không để bị động khi hệ thống huy động cao trong những tháng "
                    "cuối năm."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong bốn tháng còn lại của năm 2024, EVNGENCO2 đặt mục tiêu sản xuất "
                    "thêm khoảng 6,2 tỷ kWh, phấn đấu hoàn thành vượt mức kế hoạch sản lượng "
                    "điện năm. Các nhà máy thủy điện được yêu cầu bám sát diễn biến thủy "
                    "văn, tích nước hồ chứa đúng quy trình vận hành liên hồ; các nhà máy "
                    "nhiệt điện tập trung bảo đảm nguồn than, dầu và khí, nâng cao độ tin "
                    "cậy của thiết bị."
                ),
            ),
            (
                "paragraph",
                (
                    "Kết luận hội nghị, Tổng giám đốc Tổng công ty đề nghị các ban chức năng "
                    "tăng cường kiểm tra hiện trường, kịp thời tháo gỡ khó khăn cho các đơn "
                    "vị; đồng thời đẩy mạnh các giải pháp tiết kiệm chi phí, phấn đấu hoàn "
                    "thành toàn diện các chỉ tiêu kinh tế - kỹ thuật mà Tập đoàn Điện lực "
                    "Việt Nam giao."
                ),
            ),
        ],
    },
    {
        "key": "demo-002",
        "date": "2024-09-30",
        "title": ("Đảng ủy Công ty Nhiệt điện Cần Thơ sơ kết công tác xây dựng Đảng 9 tháng năm 2024"),
        "units": ["nhiet-dien-can-tho"],
        "categories": ["cong-tac-dang"],
        "tags": ["công tác Đảng", "học tập nghị quyết", "an toàn"],
        "author": "thu-ha",
        "hero_caption": "Đồng chí Bí thư Đảng ủy Công ty phát biểu khai mạc hội nghị sơ kết.",
        "hero_colour": "#8b1f1f",
        "lead": (
            "Ngày 28/9, Đảng ủy Công ty Nhiệt điện Cần Thơ tổ chức hội nghị sơ kết "
            "công tác xây dựng Đảng và lãnh đạo thực hiện nhiệm vụ chính trị 9 tháng "
            "đầu năm 2024. Hội nghị đánh giá các chi bộ trực thuộc đã phát huy tốt "
            "vai trò hạt nhân chính trị, góp phần để Công ty vận hành an toàn, ổn "
            "định các tổ máy trong mùa khô."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Tham dự hội nghị có đồng chí Phó Bí thư Đảng ủy Tổng công ty Phát điện "
                    "2, các đồng chí trong Ban Chấp hành Đảng bộ Công ty và bí thư các chi "
                    "bộ trực thuộc. Hội nghị được tổ chức theo hình thức trực tiếp kết hợp "
                    "trực tuyến để các đảng viên đang trực ca vận hành có thể theo dõi."
                ),
            ),
            (
                "paragraph",
                (
                    "Báo cáo sơ kết cho biết, trong 9 tháng, Đảng ủy Công ty đã ban hành 26 "
                    "nghị quyết, chỉ thị và văn bản chỉ đạo, tập trung vào các nhiệm vụ "
                    "trọng tâm: bảo đảm vận hành an toàn các tổ máy, thực hiện tốt công tác "
                    "sửa chữa, tiết giảm chi phí và chăm lo đời sống người lao động. Kết quả "
                    "nổi bật ở từng lĩnh vực như sau:"
                ),
            ),
            (
                "field",
                "Về sản xuất kinh doanh",
                (
                    "Công ty sản xuất được 1,86 tỷ kWh, đạt 76,2% kế hoạch năm; không để xảy "
                    "ra sự cố do nguyên nhân chủ quan; hoàn thành sửa chữa định kỳ tổ máy "
                    "GT1 trước tiến độ 4 ngày."
                ),
            ),
            (
                "field",
                "Về công tác chính trị tư tưởng",
                (
                    "Tổ chức học tập, quán triệt các nghị quyết, chỉ thị của cấp trên cho "
                    "100% đảng viên; nắm bắt kịp thời tâm tư, nguyện vọng của người lao động "
                    "trong quá trình sắp xếp lại tổ chức sản xuất."
                ),
            ),
            (
                "field",
                "Về công tác tổ chức xây dựng Đảng",
                (
                    "Kết nạp 5 đảng viên mới, công nhận đảng viên chính thức cho 4 đồng chí; "
                    "kiện toàn cấp ủy tại 2 chi bộ; 100% chi bộ tổ chức sinh hoạt chuyên đề "
                    "đúng hướng dẫn."
                ),
            ),
            (
                "field",
                "Về công tác kiểm tra, giám sát",
                (
                    "Ủy ban Kiểm tra Đảng ủy thực hiện 3 cuộc kiểm tra và 4 cuộc giám sát "
                    "theo chương trình, qua đó kịp thời nhắc nhở, chấn chỉnh những thiếu sót "
                    "trong sinh hoạt chi bộ và quản lý đảng viên."
                ),
            ),
            (
                "paragraph",
                (
                    "Phát biểu chỉ đạo hội nghị, đồng chí Phó Bí thư Đảng ủy Tổng công ty "
                    "ghi nhận những kết quả mà Đảng bộ Công ty đạt được trong điều kiện "
                    "thiết bị đã vận hành nhiều năm, giá nhiên liệu biến động mạnh. Đồng chí "
                    "đề nghị Đảng ủy Công ty tiếp tục đổi mới nội dung sinh hoạt chi bộ, gắn "
                    "sinh hoạt với nhiệm vụ chuyên môn cụ thể của từng phân xưởng, tổ đội; "
                    "đồng thời chuẩn bị tốt các điều kiện để tiến tới đại hội chi bộ nhiệm "
                    "kỳ 2025 - 2027."
                ),
            ),
            (
                "paragraph",
                (
                    "Về nhiệm vụ quý IV, Đảng ủy Công ty xác định tập trung lãnh đạo vận "
                    "hành an toàn trong giai đoạn cuối năm, hoàn thành kế hoạch sản lượng, "
                    "đẩy mạnh chuyển đổi số trong quản lý kỹ thuật và tiếp tục thực hiện Chỉ "
                    "thị 05-CT/TW của Bộ Chính trị gắn với phong trào thi đua “Dân vận "
                    "khéo”."
                ),
            ),
            (
                "paragraph",
                (
                    "Dịp này, Đảng ủy Công ty đã khen thưởng 3 chi bộ và 12 đảng viên có "
                    "thành tích tiêu biểu trong thực hiện nhiệm vụ 9 tháng đầu năm."
                ),
            ),
        ],
    },
    {
        "key": "demo-003",
        "date": "2024-09-20",
        "title": ("Thủy điện Thác Mơ diễn tập ứng phó tình huống khẩn cấp đập và hồ chứa năm 2024"),
        "units": ["thuy-dien-thac-mo"],
        "categories": ["an-toan-lao-dong"],
        "tags": ["phòng chống thiên tai", "hồ chứa", "an toàn"],
        "author": "quoc-bao",
        "hero_caption": ("Lực lượng xung kích của Công ty thực hành cứu người bị nạn trên lòng hồ Thác Mơ."),
        "hero_colour": "#2e7d5b",
        "lead": (
            "Sáng 19/9, Công ty Cổ phần Thủy điện Thác Mơ phối hợp với Ban Chỉ huy "
            "Phòng thủ dân sự thị xã Phước Long, tỉnh Bình Phước tổ chức diễn tập "
            "phương án ứng phó với tình huống khẩn cấp tại đập và hồ chứa. Gần 120 "
            "người thuộc lực lượng xung kích của Công ty, chính quyền địa phương, "
            "công an và quân sự đã tham gia buổi diễn tập."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Tình huống giả định được xây dựng sát với thực tế: do ảnh hưởng của áp "
                    "thấp nhiệt đới, khu vực thượng nguồn sông Bé có mưa lớn kéo dài, lưu "
                    "lượng nước về hồ tăng nhanh lên 2.100 m³/s, mực nước hồ tiến sát mực "
                    "nước dâng bình thường. Cùng thời điểm, một cửa van đập tràn gặp trục "
                    "trặc do mất nguồn điện tự dùng, trong khi một người dân đánh bắt cá "
                    "trên lòng hồ bị lật thuyền."
                ),
            ),
            (
                "paragraph",
                (
                    "Ngay khi nhận được thông tin, Ban Chỉ huy phòng chống thiên tai của "
                    "Công ty đã kích hoạt phương án, thông báo cho chính quyền địa phương "
                    "vùng hạ du, đồng thời huy động tổ xung kích đưa máy phát diesel dự "
                    "phòng vào vận hành để mở cửa van. Lực lượng cứu hộ dùng ca nô tiếp cận, "
                    "đưa nạn nhân vào bờ và sơ cứu trước khi chuyển về trung tâm y tế."
                ),
            ),
            (
                "image",
                "Vận hành cửa van đập tràn bằng nguồn điện dự phòng trong buổi diễn tập.",
                "Ảnh: Quốc Bảo",
                "#5a7d2e",
            ),
            (
                "paragraph",
                (
                    "Các bước xử lý được thực hiện bài bản, đúng quy trình vận hành hồ chứa "
                    "đã được phê duyệt. Thông tin về lưu lượng xả và thời điểm mở cửa van "
                    "được truyền tới chính quyền các xã, phường vùng hạ du qua tin nhắn, "
                    "điện thoại và hệ thống loa cảnh báo lắp đặt dọc bờ sông."
                ),
            ),
            (
                "paragraph",
                (
                    "Đánh giá chung, đại diện Ban Chỉ huy Phòng thủ dân sự thị xã cho rằng "
                    "buổi diễn tập diễn ra an toàn, nghiêm túc, giúp kiểm tra khả năng phối "
                    "hợp giữa doanh nghiệp và địa phương. Qua diễn tập, các lực lượng đã rút "
                    "ra một số kinh nghiệm về thời gian truyền tin và bố trí phương tiện ứng "
                    "cứu tại các điểm xung yếu."
                ),
            ),
            (
                "paragraph",
                (
                    "Theo lãnh đạo Công ty, trước mùa mưa bão năm nay, đơn vị đã hoàn thành "
                    "kiểm tra, bảo dưỡng toàn bộ hệ thống cửa van, thiết bị quan trắc đập và "
                    "hai máy phát diesel dự phòng; bổ sung phao cứu sinh, áo phao và vật tư "
                    "dự phòng tại các vị trí xung yếu. Công ty cũng duy trì chế độ trực ban "
                    "24/24 giờ, cập nhật bản tin dự báo thủy văn ba lần mỗi ngày."
                ),
            ),
            (
                "paragraph",
                (
                    "Diễn tập là hoạt động thường niên của Công ty nhằm nâng cao nhận thức "
                    "và kỹ năng xử lý tình huống cho cán bộ, công nhân viên, bảo đảm an toàn "
                    "tuyệt đối cho công trình và người dân vùng hạ du trong mùa mưa lũ."
                ),
            ),
        ],
    },
    {
        "key": "demo-004",
        "date": "2024-09-27",
        "title": "Nhiệt điện Phả Lại hoàn thành đại tu tổ máy S5 trước tiến độ 5 ngày",
        "units": ["nhiet-dien-pha-lai"],
        "categories": ["san-xuat-kinh-doanh"],
        "tags": ["đại tu", "sửa chữa", "an toàn"],
        "author": "van-hung",
        "hero_caption": "Tổ máy S5 Nhà máy Nhiệt điện Phả Lại hòa lưới trở lại sau đợt đại tu.",
        "hero_colour": "#4a4a6a",
        "lead": (
            "Sau 45 ngày thi công, Công ty Cổ phần Nhiệt điện Phả Lại đã hoàn thành "
            "đại tu tổ máy S5 công suất 300 MW và đưa tổ máy hòa lưới điện quốc gia "
            "lúc 14 giờ 30 ngày 25/9, sớm hơn 5 ngày so với kế hoạch. Toàn bộ khối "
            "lượng công việc được thực hiện an toàn, bảo đảm chất lượng kỹ thuật."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Đây là lần đại tu thứ tư của tổ máy S5 kể từ khi đưa vào vận hành. Đợt "
                    "đại tu gồm 186 hạng mục, tập trung vào lò hơi, tua bin, máy phát và hệ "
                    "thống điều khiển, trong đó có nhiều hạng mục lớn như thay thế 1.200 m "
                    "ống sinh hơi vùng đốt, kiểm tra và cân bằng động rô to tua bin, bảo "
                    "dưỡng bộ sấy không khí và nâng cấp phần mềm hệ thống điều khiển phân "
                    "tán DCS."
                ),
            ),
            (
                "paragraph",
                (
                    "Để bảo đảm tiến độ, Công ty đã thành lập ban chỉ huy đại tu, lập kế "
                    "hoạch chi tiết theo từng ngày, từng giờ cho các hạng mục trên đường "
                    "găng. Lực lượng sửa chữa của Công ty phối hợp chặt chẽ với các nhà "
                    "thầu, tổ chức làm việc ba ca liên tục; những phát sinh kỹ thuật được xử "
                    "lý ngay tại hiện trường."
                ),
            ),
            (
                "image",
                ("Công nhân Phân xưởng Sửa chữa kiểm tra mối hàn ống sinh hơi trong buồng đốt."),
                "Ảnh: Văn Hùng",
                "#8a5a2b",
            ),
            (
                "paragraph",
                (
                    "Công tác an toàn được đặt lên hàng đầu. Trước mỗi ca làm việc, các tổ "
                    "đội đều được phổ biến biện pháp an toàn, kiểm tra trang bị bảo hộ cá "
                    "nhân; các khu vực làm việc trên cao, trong không gian hạn chế được "
                    "khoanh vùng và giám sát chặt chẽ. Trong suốt thời gian đại tu, không "
                    "xảy ra tai nạn lao động hay sự cố cháy nổ."
                ),
            ),
            (
                "quote",
                (
                    "Tổ máy S5 sau đại tu đã vận hành ổn định ở toàn dải công suất. Các "
                    "thông số nhiệt độ hơi, độ rung ổ đỡ đều nằm trong giới hạn cho phép, "
                    "suất tiêu hao than giảm rõ rệt so với trước đại tu."
                ),
                "Ông Nguyễn Đức Thắng, Phó Giám đốc Công ty",
            ),
            (
                "paragraph",
                (
                    "Theo tính toán sơ bộ, sau đại tu, hiệu suất của tổ máy tăng khoảng "
                    "1,2%, tương ứng mỗi năm tiết kiệm được hơn 9.000 tấn than. Việc hoàn "
                    "thành sớm cũng giúp tổ máy sẵn sàng đáp ứng nhu cầu huy động cao của hệ "
                    "thống điện miền Bắc trong những tháng cuối năm, khi các hồ thủy điện "
                    "bắt đầu tích nước."
                ),
            ),
            (
                "paragraph",
                (
                    "Ngay sau khi tổ máy S5 hòa lưới, Công ty đã tổ chức rút kinh nghiệm "
                    "công tác chuẩn bị và điều hành đại tu, làm cơ sở để lập kế hoạch sửa "
                    "chữa tổ máy S6 dự kiến thực hiện vào đầu năm 2025."
                ),
            ),
        ],
    },
    {
        "key": "demo-005",
        "date": "2024-10-04",
        "title": ("Đoàn Thanh niên Thủy điện A Vương ra quân “Tháng tình nguyện vì cộng đồng”"),
        "units": ["thuy-dien-a-vuong"],
        "categories": ["doan-the", "trach-nhiem-xa-hoi"],
        "tags": ["đoàn thanh niên", "tình nguyện", "khuyến học"],
        "author": "ngoc-anh",
        "hero_caption": ("Đoàn viên thanh niên Công ty trao quà cho học sinh một điểm trường ở huyện Tây Giang."),
        "hero_colour": "#c0392b",
        "lead": (
            "Hưởng ứng Tháng tình nguyện do Đoàn Thanh niên Tổng công ty Phát điện 2 "
            "phát động, ngày 3/10, Đoàn Thanh niên Công ty Cổ phần Thủy điện A Vương "
            "đã tổ chức lễ ra quân với nhiều hoạt động thiết thực hướng về đồng bào "
            "các dân tộc thiểu số ở vùng lòng hồ thuộc huyện Tây Giang, tỉnh Quảng "
            "Nam."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Hơn 40 đoàn viên thanh niên của Công ty đã tham gia chương trình. Trong "
                    "buổi sáng, các đoàn viên chia thành ba nhóm: nhóm thứ nhất sửa chữa hệ "
                    "thống điện chiếu sáng cho lớp học và nhà văn hóa thôn; nhóm thứ hai dọn "
                    "vệ sinh, trồng cây xanh quanh khuôn viên trường; nhóm còn lại tổ chức "
                    "sinh hoạt tập thể, hướng dẫn kỹ năng sử dụng điện an toàn cho các em "
                    "học sinh."
                ),
            ),
            (
                "image",
                ("Đoàn viên thanh niên thay mới bóng đèn, dây dẫn cho lớp học tại một điểm trường vùng cao."),
                "Ảnh: Ngọc Ánh",
                "#d35400",
            ),
            (
                "paragraph",
                (
                    "Nhân dịp này, Đoàn Thanh niên Công ty trao tặng 120 phần quà gồm sách "
                    "vở, áo ấm và đồ dùng học tập cho học sinh có hoàn cảnh khó khăn, cùng 2 "
                    "bộ máy tính phục vụ việc học tin học của nhà trường. Tổng giá trị quà "
                    "tặng khoảng 85 triệu đồng, được vận động từ sự đóng góp của cán bộ, "
                    "công nhân viên và các nhà hảo tâm."
                ),
            ),
            (
                "paragraph",
                (
                    "Chia sẻ tại buổi lễ, cô Hiệu trưởng nhà trường cho biết phần lớn học "
                    "sinh là con em đồng bào Cơ Tu, điều kiện kinh tế gia đình còn nhiều khó "
                    "khăn. Sự quan tâm của tuổi trẻ Thủy điện A Vương là nguồn động viên lớn "
                    "để các em tiếp tục đến trường, nhất là khi mùa mưa rét ở vùng cao đang "
                    "đến gần."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong khuôn khổ Tháng tình nguyện, từ nay đến cuối tháng 10, Đoàn Thanh "
                    "niên Công ty sẽ tiếp tục triển khai các hoạt động như hiến máu tình "
                    "nguyện, thăm hỏi các gia đình chính sách, tuyên truyền về an toàn hồ "
                    "đập và phòng tránh đuối nước cho người dân sống ven hồ chứa."
                ),
            ),
            (
                "paragraph",
                (
                    "Bí thư Đoàn Thanh niên Công ty cho biết, các hoạt động tình nguyện "
                    "không chỉ góp phần chia sẻ khó khăn với địa phương nơi nhà máy đóng "
                    "chân, mà còn là dịp để đoàn viên rèn luyện, trưởng thành, gắn bó hơn "
                    "với đơn vị và cộng đồng. Đoàn Thanh niên Công ty phấn đấu mỗi năm thực "
                    "hiện ít nhất một công trình thanh niên có ý nghĩa tại vùng dự án."
                ),
            ),
            (
                "paragraph",
                (
                    "Năm 2024 cũng là năm thứ ba liên tiếp Đoàn Thanh niên Công ty được Đoàn "
                    "Thanh niên Tổng công ty tặng giấy khen vì có thành tích xuất sắc trong "
                    "công tác tình nguyện vì cộng đồng."
                ),
            ),
        ],
    },
    {
        "key": "demo-006",
        "date": "2024-10-11",
        "title": "Triển khai hệ thống quản lý kỹ thuật PMIS tại các đơn vị thành viên",
        "units": ["evngenco2", "thuy-dien-song-ba-ha"],
        "categories": ["chuyen-doi-so"],
        "tags": ["chuyển đổi số", "quản lý kỹ thuật", "sửa chữa"],
        "author": "minh-tuan",
        "hero_caption": ("Kỹ sư Nhà máy Thủy điện Sông Ba Hạ cập nhật dữ liệu thiết bị lên hệ thống PMIS."),
        "hero_colour": "#16a085",
        "lead": (
            "Tổng công ty Phát điện 2 vừa hoàn thành giai đoạn 1 triển khai hệ thống "
            "quản lý kỹ thuật PMIS tại năm đơn vị thành viên. Với hơn 48.000 thiết "
            "bị đã được số hóa hồ sơ, hệ thống giúp theo dõi tình trạng vận hành, "
            "lập kế hoạch sửa chữa và quản lý vật tư trên một nền tảng thống nhất, "
            "thay thế dần sổ sách giấy."
        ),
        "body": [
            (
                "paragraph",
                (
                    "PMIS là hệ thống thông tin quản lý nhà máy điện được Tập đoàn Điện lực "
                    "Việt Nam định hướng áp dụng thống nhất cho các đơn vị phát điện. Tại "
                    "EVNGENCO2, dự án được khởi động từ tháng 3/2024, do Ban Kỹ thuật - Sản "
                    "xuất chủ trì, phối hợp với Trung tâm Công nghệ thông tin và các đơn vị "
                    "thành viên."
                ),
            ),
            (
                "field",
                "Về cơ sở dữ liệu",
                (
                    "Toàn bộ danh mục thiết bị của các nhà máy được mã hóa theo hệ thống "
                    "KKS, gắn với lý lịch, tài liệu kỹ thuật, lịch sử sự cố và sửa chữa. Đến "
                    "nay, hơn 48.000 thiết bị và 210.000 trang tài liệu đã được cập nhật."
                ),
            ),
            (
                "field",
                "Về quản lý vận hành",
                (
                    "Nhật ký vận hành, phiếu công tác và phiếu thao tác được lập, phê duyệt "
                    "trực tuyến thay cho sổ giấy. Trưởng ca có thể tra cứu tình trạng thiết "
                    "bị ngay trên máy tính bảng tại hiện trường."
                ),
            ),
            (
                "field",
                "Về quản lý sửa chữa và vật tư",
                (
                    "Kế hoạch sửa chữa được xây dựng dựa trên dữ liệu giờ vận hành và tình "
                    "trạng thực tế của thiết bị; vật tư tồn kho được liên thông với hệ thống "
                    "ERP, hạn chế mua sắm trùng lặp."
                ),
            ),
            (
                "quote",
                (
                    "Trước đây, muốn tra lý lịch một máy bơm, anh em phải lục tìm hồ sơ giấy "
                    "mất cả buổi. Bây giờ chỉ cần quét mã QR dán trên thiết bị là có đầy đủ "
                    "thông tin, kể cả lần sửa chữa gần nhất."
                ),
                "Anh Phạm Văn Lộc, Trưởng ca vận hành Nhà máy Thủy điện Sông Ba Hạ",
            ),
            (
                "paragraph",
                (
                    "Công ty Cổ phần Thủy điện Sông Ba Hạ là một trong những đơn vị triển "
                    "khai sớm và hiệu quả nhất. Chỉ sau hai tháng, đơn vị đã đưa toàn bộ quy "
                    "trình quản lý phiếu công tác lên hệ thống, giảm khoảng 30% thời gian "
                    "chuẩn bị cho mỗi đợt sửa chữa định kỳ. Các báo cáo vận hành ngày, tuần "
                    "được hệ thống tự động tổng hợp gửi lãnh đạo Công ty."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong quá trình triển khai, Tổng công ty đã tổ chức 18 lớp đào tạo cho "
                    "gần 600 người dùng là trưởng ca, kỹ sư phương thức, cán bộ kỹ thuật và "
                    "quản lý kho. Mỗi đơn vị cử hai cán bộ đầu mối để hỗ trợ người dùng tại "
                    "chỗ và phản hồi lỗi phát sinh cho nhóm phát triển."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong giai đoạn 2, dự kiến hoàn thành vào quý II/2025, Tổng công ty sẽ "
                    "tích hợp PMIS với hệ thống giám sát tình trạng thiết bị trực tuyến, "
                    "từng bước ứng dụng phân tích dữ liệu để dự báo hư hỏng, chuyển dần từ "
                    "sửa chữa định kỳ sang sửa chữa theo tình trạng thiết bị."
                ),
            ),
        ],
    },
    {
        "key": "demo-007",
        "date": "2024-10-18",
        "title": ("Công đoàn Nhiệt điện Cần Thơ tổ chức hội thao chào mừng Ngày Phụ nữ Việt Nam"),
        "units": ["nhiet-dien-can-tho"],
        "categories": ["doan-the"],
        "tags": ["công đoàn", "nữ công", "văn hóa doanh nghiệp"],
        "author": "thu-ha",
        "hero_caption": "Các đội tham gia phần thi kéo co nữ tại hội thao của Công ty.",
        "hero_colour": "#e67e22",
        "lead": (
            "Chào mừng kỷ niệm 94 năm Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam "
            "(20/10/1930 - 20/10/2024), Công đoàn Công ty Nhiệt điện Cần Thơ đã tổ "
            "chức hội thao dành cho nữ đoàn viên với sự tham gia của gần 150 vận "
            "động viên đến từ 8 công đoàn bộ phận."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Hội thao diễn ra trong hai ngày 16 và 17/10 tại nhà thi đấu đa năng của "
                    "Công ty, gồm các môn cầu lông, bóng bàn, kéo co và các trò chơi dân "
                    "gian như nhảy bao bố, đi cà kheo, ném vòng. Bên cạnh các nội dung thi "
                    "đấu, ban tổ chức còn bố trí phần thi cắm hoa nghệ thuật và trình diễn "
                    "áo dài với chủ đề “Người phụ nữ ngành điện”."
                ),
            ),
            (
                "image",
                "Tiết mục trình diễn áo dài của nữ đoàn viên Phân xưởng Vận hành.",
                "Ảnh: Thu Hà",
                "#c2185b",
            ),
            (
                "paragraph",
                (
                    "Dù phần lớn các vận động viên là nhân viên văn phòng, kỹ sư hóa nghiệm "
                    "hay công nhân vận hành, chỉ tập luyện sau giờ làm việc, các trận đấu "
                    "vẫn diễn ra sôi nổi, hấp dẫn. Đặc biệt, phần thi kéo co nhận được sự cổ "
                    "vũ nhiệt tình của đông đảo đoàn viên nam, tạo nên bầu không khí vui "
                    "tươi, gắn kết."
                ),
            ),
            (
                "paragraph",
                (
                    "Kết quả, đội Công đoàn bộ phận Phân xưởng Vận hành giành giải Nhất toàn "
                    "đoàn; giải Nhì thuộc về đội Phòng Tổ chức - Hành chính; đội Phân xưởng "
                    "Hóa và đội Phòng Kế hoạch - Vật tư đồng giải Ba. Ban tổ chức cũng trao "
                    "12 giải cá nhân cho các vận động viên xuất sắc ở các môn thi đấu."
                ),
            ),
            (
                "paragraph",
                (
                    "Phát biểu bế mạc, Chủ tịch Công đoàn Công ty nhấn mạnh, hiện nữ đoàn "
                    "viên chiếm khoảng 18% lực lượng lao động, nhiều chị em đảm nhận những "
                    "vị trí đòi hỏi chuyên môn cao như thí nghiệm, hóa nghiệm, điều hành ca. "
                    "Hội thao là dịp để tôn vinh sự đóng góp của chị em, đồng thời động viên "
                    "nữ đoàn viên tiếp tục phát huy phẩm chất “Tự tin - Tự trọng - Trung hậu "
                    "- Đảm đang”."
                ),
            ),
            (
                "paragraph",
                (
                    "Nhân dịp này, Công đoàn Công ty đã tặng quà cho toàn thể nữ đoàn viên, "
                    "đồng thời thăm hỏi, hỗ trợ 10 nữ đoàn viên có hoàn cảnh khó khăn, mỗi "
                    "suất trị giá 2 triệu đồng. Ban Nữ công Công ty cũng tổ chức buổi nói "
                    "chuyện chuyên đề về chăm sóc sức khỏe sinh sản và cân bằng giữa công "
                    "việc với gia đình."
                ),
            ),
            (
                "paragraph",
                (
                    "Theo kế hoạch, các vận động viên xuất sắc tại hội thao sẽ được lựa chọn "
                    "để tham gia Hội thao nữ công do Công đoàn Tổng công ty Phát điện 2 tổ "
                    "chức vào tháng 3/2025."
                ),
            ),
        ],
    },
    {
        "key": "demo-008",
        "date": "2024-10-25",
        "title": ("Thủy điện Sông Ba Hạ vận hành an toàn hồ chứa trong đợt mưa lũ cuối tháng 10"),
        "units": ["thuy-dien-song-ba-ha"],
        "categories": ["an-toan-lao-dong", "san-xuat-kinh-doanh"],
        "tags": ["hồ chứa", "phòng chống thiên tai", "sản lượng điện"],
        "author": "quoc-bao",
        "hero_caption": "Đập tràn Nhà máy Thủy điện Sông Ba Hạ điều tiết xả lũ trong đợt mưa lớn.",
        "hero_colour": "#34495e",
        "lead": (
            "Từ ngày 20 đến 24/10, do ảnh hưởng của không khí lạnh kết hợp với nhiễu "
            "động gió đông, lưu vực sông Ba có mưa to đến rất to. Công ty Cổ phần "
            "Thủy điện Sông Ba Hạ đã vận hành hồ chứa đúng quy trình vận hành liên "
            "hồ, góp phần cắt giảm lũ cho vùng hạ du tỉnh Phú Yên."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Theo số liệu quan trắc, tổng lượng mưa trên lưu vực trong năm ngày đạt "
                    "từ 280 đến 350 mm, lưu lượng nước về hồ lớn nhất đạt 4.650 m³/s vào lúc "
                    "2 giờ sáng ngày 23/10. Trước đó, thực hiện chỉ đạo của Ban Chỉ huy "
                    "phòng chống thiên tai tỉnh, Công ty đã chủ động hạ mực nước hồ để tạo "
                    "dung tích đón lũ."
                ),
            ),
            (
                "field",
                "Công tác dự báo và thông tin",
                (
                    "Công ty phối hợp với Đài Khí tượng thủy văn tỉnh cập nhật dự báo mỗi ba "
                    "giờ; các thông báo vận hành xả lũ được gửi tới chính quyền 14 xã, "
                    "phường vùng hạ du trước ít nhất 4 giờ qua văn bản, điện thoại và hệ "
                    "thống cảnh báo tự động."
                ),
            ),
            (
                "field",
                "Công tác vận hành",
                (
                    "Nhà máy duy trì phát hai tổ máy ở công suất định mức 220 MW, kết hợp mở "
                    "các cửa van đập tràn theo đúng trình tự, bảo đảm lưu lượng xả không "
                    "vượt lưu lượng đến hồ."
                ),
            ),
            (
                "field",
                "Công tác an toàn",
                (
                    "Lực lượng trực ban, xung kích được bố trí 24/24 giờ; thiết bị quan trắc "
                    "đập, hệ thống cửa van và nguồn điện dự phòng được kiểm tra liên tục, "
                    "không phát hiện bất thường."
                ),
            ),
            (
                "paragraph",
                (
                    "Nhờ điều tiết hợp lý, lưu lượng xả qua đập tràn được khống chế ở mức "
                    "thấp hơn lưu lượng đỉnh lũ về hồ khoảng 900 m³/s, góp phần giảm mực "
                    "nước tại trạm thủy văn Củng Sơn từ 0,4 đến 0,6 m so với kịch bản không "
                    "có hồ chứa. Không có thiệt hại về người và tài sản do hoạt động xả lũ "
                    "của nhà máy."
                ),
            ),
            (
                "paragraph",
                (
                    "Tổng sản lượng điện phát trong đợt lũ đạt gần 26 triệu kWh. Tính từ đầu "
                    "năm, Nhà máy đã sản xuất được 702 triệu kWh, hoàn thành 94% kế hoạch "
                    "năm. Hiện mực nước hồ được duy trì ở mức phù hợp với quy định tích nước "
                    "cuối mùa lũ."
                ),
            ),
            (
                "paragraph",
                (
                    "Lãnh đạo Công ty cho biết, theo dự báo, từ nay đến giữa tháng 12, khu "
                    "vực Nam Trung Bộ còn có thể chịu ảnh hưởng của một đến hai cơn bão hoặc "
                    "áp thấp nhiệt đới. Công ty tiếp tục duy trì nghiêm chế độ trực, sẵn "
                    "sàng các phương án ứng phó, bảo đảm an toàn công trình và vùng hạ du, "
                    "đồng thời khai thác hiệu quả nguồn nước để tăng sản lượng điện trong "
                    "những tháng cuối năm."
                ),
            ),
        ],
    },
    {
        "key": "demo-009",
        "date": "2024-11-01",
        "title": "“Dân vận khéo” gắn với nhiệm vụ sản xuất tại Thủy điện Thác Mơ",
        "units": ["thuy-dien-thac-mo"],
        "categories": ["cong-tac-dang"],
        "tags": ["Dân vận khéo", "công tác Đảng", "công đoàn"],
        "author": "phuong-linh",
        "hero_caption": ("Đảng viên Chi bộ Phân xưởng Vận hành trao đổi kinh nghiệm thực hiện mô hình dân vận."),
        "hero_colour": "#7b241c",
        "lead": (
            "Những năm qua, Đảng ủy Công ty Cổ phần Thủy điện Thác Mơ đã triển khai "
            "phong trào thi đua “Dân vận khéo” gắn liền với nhiệm vụ sản xuất kinh "
            "doanh. Từ những mô hình nhỏ ở từng chi bộ, phong trào đã lan tỏa, góp "
            "phần xây dựng khối đoàn kết trong đơn vị và mối quan hệ gắn bó với "
            "chính quyền, nhân dân địa phương."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Đảng bộ Công ty hiện có 6 chi bộ trực thuộc với 118 đảng viên. Ngay từ "
                    "đầu năm, Đảng ủy đã ban hành kế hoạch thực hiện công tác dân vận, giao "
                    "chỉ tiêu cụ thể cho từng chi bộ; mỗi chi bộ đăng ký ít nhất một mô hình "
                    "“Dân vận khéo” gắn với nhiệm vụ chuyên môn. Phong trào được triển khai "
                    "trên các lĩnh vực như:"
                ),
            ),
            (
                "field",
                "Lĩnh vực kinh tế",
                (
                    "Khuyến khích người lao động phát huy sáng kiến, cải tiến kỹ thuật; "
                    "riêng năm 2024 có 17 sáng kiến được công nhận, làm lợi khoảng 2,3 tỷ "
                    "đồng."
                ),
            ),
            (
                "field",
                "Lĩnh vực văn hóa - xã hội",
                (
                    "Duy trì mô hình “Mỗi công đoàn viên một việc làm tốt vì cộng đồng”, hỗ "
                    "trợ xây dựng 3 căn nhà tình nghĩa và trao học bổng cho con em đồng bào "
                    "dân tộc thiểu số tại thị xã Phước Long."
                ),
            ),
            (
                "field",
                "Lĩnh vực quốc phòng - an ninh",
                (
                    "Phối hợp với công an địa phương tuần tra, bảo vệ an ninh khu vực đập, "
                    "lòng hồ; tuyên truyền người dân không lấn chiếm hành lang bảo vệ hồ "
                    "chứa."
                ),
            ),
            (
                "field",
                "Lĩnh vực xây dựng hệ thống chính trị",
                (
                    "Lấy ý kiến đóng góp của quần chúng đối với đảng viên tại nơi làm việc; "
                    "tổ chức đối thoại định kỳ giữa lãnh đạo Công ty và người lao động."
                ),
            ),
            (
                "quote",
                (
                    "Dân vận khéo ở doanh nghiệp trước hết là lắng nghe người lao động, hiểu "
                    "họ cần gì, rồi cùng họ tìm cách làm tốt hơn công việc hằng ngày. Khi "
                    "thấy tiếng nói của mình được tôn trọng, người lao động sẽ gắn bó và có "
                    "trách nhiệm hơn."
                ),
                "Ông Hoàng Minh Trí, Bí thư Đảng ủy Công ty",
            ),
            (
                "paragraph",
                (
                    "Một trong những mô hình tiêu biểu là “Ca vận hành không sai sót” của "
                    "Chi bộ Phân xưởng Vận hành. Các đảng viên trực tiếp kèm cặp công nhân "
                    "mới, xây dựng bộ câu hỏi tình huống để ôn luyện trong ca. Nhờ đó, hai "
                    "năm liền Nhà máy không để xảy ra sai sót thao tác do nguyên nhân chủ "
                    "quan."
                ),
            ),
            (
                "paragraph",
                (
                    "Ghi nhận kết quả đạt được, năm 2024, Đảng ủy Công ty được Đảng ủy Tổng "
                    "công ty tặng giấy khen vì có thành tích xuất sắc trong phong trào thi "
                    "đua “Dân vận khéo”. Thời gian tới, Đảng ủy tiếp tục nhân rộng các mô "
                    "hình hiệu quả, gắn công tác dân vận với việc chuẩn bị đại hội chi bộ và "
                    "đại hội đảng bộ các cấp."
                ),
            ),
        ],
    },
    {
        "key": "demo-010",
        "date": "2024-11-08",
        "title": "Đào tạo kỹ năng an toàn, vệ sinh lao động cho hơn 300 người lao động",
        "units": ["nhiet-dien-pha-lai", "evngenco2"],
        "categories": ["an-toan-lao-dong"],
        "tags": ["an toàn", "huấn luyện", "PCCC"],
        "author": "van-hung",
        "hero_caption": "Học viên thực hành sơ cứu người bị điện giật tại lớp huấn luyện.",
        "hero_colour": "#27ae60",
        "lead": (
            "Từ ngày 4 đến 7/11, Tổng công ty Phát điện 2 phối hợp với Công ty Cổ "
            "phần Nhiệt điện Phả Lại tổ chức bốn lớp huấn luyện an toàn, vệ sinh lao "
            "động và phòng cháy chữa cháy cho 312 cán bộ, công nhân trực tiếp làm "
            "việc tại các khu vực có nguy cơ cao trong nhà máy."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Các lớp học được thiết kế theo hướng tăng thời lượng thực hành. Ngoài "
                    "phần lý thuyết về Luật An toàn, vệ sinh lao động, các quy trình an toàn "
                    "điện và an toàn nhiệt cơ, học viên được trực tiếp thực hành treo biển "
                    "báo, đặt tiếp địa di động, sử dụng dây an toàn toàn thân khi làm việc "
                    "trên cao và kỹ năng làm việc trong không gian hạn chế như bồn bể, đường "
                    "ống khói."
                ),
            ),
            (
                "image",
                ("Diễn tập chữa cháy băng tải than tại khu vực kho than Nhà máy Nhiệt điện Phả Lại."),
                "Ảnh: Văn Hùng",
                "#b03a2e",
            ),
            (
                "paragraph",
                (
                    "Điểm nhấn của đợt huấn luyện là buổi diễn tập chữa cháy với tình huống "
                    "cháy băng tải than. Chỉ sau 4 phút kể từ khi phát hiện đám cháy giả "
                    "định, đội phòng cháy chữa cháy cơ sở đã có mặt, cô lập băng tải, triển "
                    "khai hai lăng phun và khống chế đám cháy trước khi lực lượng Cảnh sát "
                    "phòng cháy chữa cháy tỉnh Hải Dương đến hỗ trợ."
                ),
            ),
            (
                "paragraph",
                (
                    "Các giảng viên cũng dành thời gian phân tích một số vụ tai nạn lao động "
                    "đã xảy ra trong ngành điện thời gian qua, chỉ rõ nguyên nhân chủ yếu "
                    "xuất phát từ tâm lý chủ quan, không tuân thủ phiếu công tác, làm sai "
                    "trình tự thao tác. Từ đó, học viên thảo luận nhóm, đề xuất các biện "
                    "pháp phòng ngừa cụ thể tại vị trí làm việc của mình."
                ),
            ),
            (
                "image",
                ("Học viên kiểm tra dây an toàn toàn thân trước khi thực hành làm việc trên cao."),
                "",
                "#1e8449",
            ),
            (
                "paragraph",
                (
                    "Kết thúc khóa học, 100% học viên đạt yêu cầu kiểm tra sát hạch và được "
                    "cấp chứng chỉ theo quy định. Đại diện Ban An toàn Tổng công ty cho "
                    "biết, trong năm 2024, toàn Tổng công ty đã tổ chức 27 lớp huấn luyện "
                    "cho hơn 2.400 lượt người; thời gian tới sẽ nghiên cứu ứng dụng mô phỏng "
                    "thực tế ảo trong huấn luyện các tình huống nguy hiểm."
                ),
            ),
            (
                "paragraph",
                (
                    "Tính đến hết tháng 10/2024, Công ty Cổ phần Nhiệt điện Phả Lại đã duy "
                    "trì được hơn 1.000 ngày liên tục không để xảy ra tai nạn lao động. Công "
                    "ty đặt mục tiêu tiếp tục giữ vững thành tích này trong suốt giai đoạn "
                    "vận hành cao điểm mùa khô năm 2025."
                ),
            ),
        ],
    },
    {
        "key": "demo-011",
        "date": "2024-11-15",
        "title": ("Trao 50 suất học bổng “Thắp sáng ước mơ” cho học sinh vùng lòng hồ A Vương"),
        "units": ["thuy-dien-a-vuong"],
        "categories": ["trach-nhiem-xa-hoi"],
        "tags": ["an sinh xã hội", "khuyến học", "tình nguyện"],
        "author": "ngoc-anh",
        "hero_caption": ("Lãnh đạo Công ty trao học bổng cho học sinh vượt khó học giỏi tại huyện Đông Giang."),
        "hero_colour": "#f39c12",
        "lead": (
            "Ngày 14/11, Công ty Cổ phần Thủy điện A Vương phối hợp với Phòng Giáo "
            "dục và Đào tạo huyện Đông Giang, tỉnh Quảng Nam trao 50 suất học bổng "
            "“Thắp sáng ước mơ” cho học sinh có hoàn cảnh khó khăn, vượt khó học "
            "giỏi. Mỗi suất học bổng trị giá 3 triệu đồng, kèm theo sách vở và đồ "
            "dùng học tập."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Các em nhận học bổng năm nay là học sinh tiểu học, trung học cơ sở và "
                    "trung học phổ thông tại các xã vùng lòng hồ và vùng hạ du nhà máy, phần "
                    "lớn là con em đồng bào Cơ Tu. Nhiều em mồ côi cha hoặc mẹ, gia đình "
                    "thuộc diện hộ nghèo nhưng vẫn nỗ lực học tập, đạt danh hiệu học sinh "
                    "giỏi nhiều năm liền."
                ),
            ),
            (
                "paragraph",
                (
                    "Chương trình học bổng “Thắp sáng ước mơ” được Công ty duy trì từ năm "
                    "2012. Đến nay, đã có hơn 700 lượt học sinh được nhận học bổng với tổng "
                    "số tiền trên 1,6 tỷ đồng, được trích từ quỹ phúc lợi và sự đóng góp tự "
                    "nguyện của cán bộ, công nhân viên."
                ),
            ),
            (
                "quote",
                ("Con sẽ cố gắng học thật giỏi để sau này trở thành kỹ sư điện, về làm việc ở nhà máy gần nhà mình."),
                "Em Alăng Thị Thảo, học sinh lớp 9 tại xã Mà Cooih",
            ),
            (
                "paragraph",
                (
                    "Phát biểu tại buổi lễ, đại diện lãnh đạo huyện Đông Giang đánh giá cao "
                    "sự đồng hành của Công ty với địa phương trong nhiều năm qua. Không chỉ "
                    "hỗ trợ giáo dục, Công ty còn tham gia xây dựng đường giao thông nông "
                    "thôn, nhà văn hóa thôn và hỗ trợ bò giống cho các hộ nghèo, góp phần "
                    "vào chương trình xây dựng nông thôn mới của huyện."
                ),
            ),
            (
                "paragraph",
                (
                    "Bên cạnh chương trình học bổng, trong năm 2024, Công ty đã dành hơn 1,2 "
                    "tỷ đồng cho các hoạt động an sinh xã hội như tặng quà Tết cho hộ nghèo, "
                    "hỗ trợ khắc phục hậu quả thiên tai, xây dựng nhà tình thương và ủng hộ "
                    "Quỹ Vì người nghèo của tỉnh."
                ),
            ),
            (
                "paragraph",
                (
                    "Lãnh đạo Công ty khẳng định, phát triển bền vững phải gắn với trách "
                    "nhiệm đối với cộng đồng nơi nhà máy hoạt động. Công ty sẽ tiếp tục duy "
                    "trì chương trình học bổng trong những năm tới, đồng thời mở rộng đối "
                    "tượng sang sinh viên người dân tộc thiểu số theo học các ngành kỹ thuật "
                    "tại các trường đại học, cao đẳng trong khu vực."
                ),
            ),
        ],
    },
    {
        "key": "demo-012",
        "date": "2024-11-22",
        "title": "Đẩy mạnh ứng dụng chữ ký số và văn phòng điện tử trong toàn Tổng công ty",
        "units": ["evngenco2", "thuy-dien-a-vuong"],
        "categories": ["chuyen-doi-so"],
        "tags": ["chuyển đổi số", "văn phòng điện tử", "chữ ký số"],
        "author": "minh-tuan",
        "hero_caption": ("Cán bộ Văn phòng Tổng công ty xử lý văn bản trên hệ thống văn phòng điện tử."),
        "hero_colour": "#2c3e50",
        "lead": (
            "Đến tháng 11/2024, 100% văn bản đi, đến giữa cơ quan Tổng công ty Phát "
            "điện 2 và các đơn vị thành viên đã được xử lý trên môi trường mạng, "
            "trong đó 96% văn bản được ký số. Đây là một trong những kết quả nổi bật "
            "của chương trình chuyển đổi số mà EVNGENCO2 đang quyết liệt triển khai."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Thực hiện Kế hoạch chuyển đổi số giai đoạn 2022 - 2025 của Tập đoàn "
                    "Điện lực Việt Nam, EVNGENCO2 xác định quản trị nội bộ trên nền tảng số "
                    "là nhiệm vụ cần làm trước. Hệ thống văn phòng điện tử E-Office đã được "
                    "nâng cấp, tích hợp chữ ký số cho 100% cán bộ quản lý từ cấp phó phòng "
                    "trở lên và liên thông với trục văn bản điện tử của Tập đoàn."
                ),
            ),
            (
                "field",
                "Về hiệu quả thời gian",
                (
                    "Thời gian xử lý trung bình một văn bản giảm từ 3,5 ngày xuống còn 1,2 "
                    "ngày; lãnh đạo có thể phê duyệt văn bản mọi lúc, mọi nơi trên thiết bị "
                    "di động."
                ),
            ),
            (
                "field",
                "Về tiết kiệm chi phí",
                (
                    "Mỗi năm, toàn Tổng công ty giảm được khoảng 1,8 triệu trang giấy in, "
                    "tiết kiệm chi phí văn phòng phẩm và chuyển phát ước tính hơn 2,5 tỷ "
                    "đồng."
                ),
            ),
            (
                "field",
                "Về minh bạch trong quản trị",
                (
                    "Toàn bộ quá trình luân chuyển, xử lý văn bản được lưu vết, giúp theo "
                    "dõi tiến độ thực hiện nhiệm vụ được giao và nâng cao trách nhiệm của "
                    "từng cá nhân."
                ),
            ),
            (
                "paragraph",
                (
                    "Tại Công ty Cổ phần Thủy điện A Vương, nơi nhà máy cách trung tâm thành "
                    "phố Đà Nẵng hơn 100 km, việc ký số đặc biệt hữu ích. Trước đây, nhiều "
                    "hồ sơ thanh toán phải chờ chuyển phát về văn phòng đại diện để lãnh đạo "
                    "ký; nay toàn bộ quy trình được thực hiện trực tuyến, rút ngắn thời gian "
                    "thanh toán cho nhà cung cấp từ 10 ngày xuống còn 4 ngày."
                ),
            ),
            (
                "paragraph",
                (
                    "Bên cạnh những kết quả đạt được, việc triển khai vẫn còn một số khó "
                    "khăn như hạ tầng đường truyền tại một số nhà máy ở vùng sâu, vùng xa "
                    "chưa ổn định; thói quen làm việc trên giấy của một bộ phận cán bộ chưa "
                    "thay đổi hoàn toàn. Tổng công ty đã chỉ đạo các đơn vị nâng cấp đường "
                    "truyền dự phòng và tổ chức tập huấn lại cho người dùng."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong năm 2025, EVNGENCO2 đặt mục tiêu số hóa toàn bộ hồ sơ lưu trữ từ "
                    "năm 2010 trở lại đây, triển khai hợp đồng điện tử với các nhà cung cấp "
                    "và xây dựng kho dữ liệu dùng chung phục vụ công tác chỉ đạo, điều hành."
                ),
            ),
        ],
    },
    {
        "key": "demo-013",
        "date": "2024-11-29",
        "title": "Nhiệt điện Cần Thơ bàn giao 10 căn nhà “Đại đoàn kết” cho hộ nghèo",
        "units": ["nhiet-dien-can-tho"],
        "categories": ["trach-nhiem-xa-hoi", "doan-the"],
        "tags": ["an sinh xã hội", "công đoàn", "đoàn thanh niên", "văn hóa doanh nghiệp"],
        "author": "thu-ha",
        "hero_caption": (
            "Đại diện Công ty và chính quyền địa phương trao quyết định bàn giao nhà cho các hộ gia đình."
        ),
        "hero_colour": "#a04000",
        "lead": (
            "Ngày 28/11, Công ty Nhiệt điện Cần Thơ phối hợp với Ủy ban Mặt trận Tổ "
            "quốc Việt Nam quận Bình Thủy tổ chức lễ bàn giao 10 căn nhà “Đại đoàn "
            "kết” cho các hộ nghèo, hộ cận nghèo trên địa bàn. Tổng kinh phí hỗ trợ "
            "là 600 triệu đồng, trích từ quỹ an sinh xã hội của Công ty và sự đóng "
            "góp của người lao động."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Mỗi căn nhà có diện tích từ 40 đến 50 m², kết cấu khung bê tông cốt "
                    "thép, tường gạch, mái tôn, nền lát gạch men, được thiết kế phù hợp với "
                    "điều kiện thường xuyên ngập nước vào mùa triều cường của vùng đồng bằng "
                    "sông Cửu Long. Ngoài phần kinh phí do Công ty hỗ trợ, các gia đình và "
                    "bà con lối xóm góp thêm ngày công để hoàn thiện công trình."
                ),
            ),
            (
                "image",
                ("Một căn nhà “Đại đoàn kết” vừa hoàn thành tại phường Thới An Đông, quận Bình Thủy."),
                "Ảnh: Thu Hà",
                "#ca6f1e",
            ),
            (
                "paragraph",
                (
                    "Xúc động khi nhận chìa khóa nhà mới, bà Trần Thị Mến, 68 tuổi, ở phường "
                    "Long Hòa chia sẻ: nhiều năm qua, hai bà cháu sống trong căn nhà lá dột "
                    "nát, mùa mưa phải đi ở nhờ nhà hàng xóm. Có nhà mới, bà yên tâm để cháu "
                    "nội tiếp tục đi học."
                ),
            ),
            (
                "paragraph",
                (
                    "Cũng trong chương trình, Công đoàn Công ty đã vận động đoàn viên đóng "
                    "góp một ngày lương, tặng mỗi hộ một bộ bàn ghế, một chiếc quạt điện và "
                    "50 kg gạo. Đoàn Thanh niên Công ty tham gia thi công, lắp đặt hệ thống "
                    "điện chiếu sáng an toàn cho tất cả các căn nhà."
                ),
            ),
            (
                "paragraph",
                (
                    "Đại diện Ủy ban Mặt trận Tổ quốc quận Bình Thủy cho biết, đây là năm "
                    "thứ năm liên tiếp Công ty Nhiệt điện Cần Thơ đồng hành với địa phương "
                    "trong chương trình xóa nhà tạm, nhà dột nát. Sự hỗ trợ kịp thời của "
                    "doanh nghiệp đã góp phần giúp quận hoàn thành sớm mục tiêu không còn hộ "
                    "nghèo phải ở nhà tạm trong năm 2024."
                ),
            ),
            (
                "paragraph",
                (
                    "Theo lãnh đạo Công ty, bên cạnh nhiệm vụ sản xuất điện, đơn vị luôn xác "
                    "định trách nhiệm xã hội là một phần không thể tách rời của văn hóa "
                    "doanh nghiệp. Năm 2024, tổng kinh phí dành cho các hoạt động an sinh xã "
                    "hội của Công ty đạt gần 1,5 tỷ đồng, tập trung vào hỗ trợ nhà ở, học "
                    "bổng và chăm sóc sức khỏe cho người dân khó khăn."
                ),
            ),
            (
                "paragraph",
                (
                    "Dịp Tết Nguyên đán Ất Tỵ 2025, Công ty dự kiến tiếp tục trao 200 phần "
                    "quà cho các hộ gia đình chính sách và hộ nghèo tại các phường lân cận "
                    "nhà máy."
                ),
            ),
        ],
    },
    {
        "key": "demo-014",
        "date": "2024-12-06",
        "title": ("Đảng bộ Nhiệt điện Phả Lại học tập, quán triệt Nghị quyết Hội nghị Trung ương 10 khóa XIII"),
        "units": ["nhiet-dien-pha-lai"],
        "categories": ["cong-tac-dang"],
        "tags": ["công tác Đảng", "học tập nghị quyết"],
        "author": "phuong-linh",
        "hero_caption": ("Quang cảnh hội nghị học tập, quán triệt nghị quyết tại hội trường Công ty."),
        "hero_colour": "#922b21",
        "lead": (
            "Ngày 5/12, Đảng ủy Công ty Cổ phần Nhiệt điện Phả Lại tổ chức hội nghị "
            "học tập, quán triệt và triển khai thực hiện Nghị quyết Hội nghị lần thứ "
            "mười Ban Chấp hành Trung ương Đảng khóa XIII cho gần 400 cán bộ, đảng "
            "viên thuộc 14 chi bộ trực thuộc."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Hội nghị được tổ chức theo hình thức trực tiếp tại hội trường Công ty, "
                    "kết hợp truyền hình trực tuyến tới các điểm cầu tại phân xưởng để các "
                    "đảng viên đang trực ca có thể theo dõi. Báo cáo viên là đồng chí Phó Bí "
                    "thư Thường trực Đảng ủy Công ty."
                ),
            ),
            (
                "paragraph",
                (
                    "Tại hội nghị, các đảng viên được nghe truyền đạt những nội dung cơ bản "
                    "của nghị quyết, tập trung vào các vấn đề lớn sau:"
                ),
            ),
            (
                "field",
                "Về kinh tế - xã hội",
                (
                    "Đánh giá tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm "
                    "2024, định hướng kế hoạch năm 2025, trong đó nhấn mạnh yêu cầu bảo đảm "
                    "vững chắc an ninh năng lượng quốc gia."
                ),
            ),
            (
                "field",
                "Về công tác xây dựng Đảng",
                (
                    "Tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; chuẩn "
                    "bị văn kiện và công tác nhân sự đại hội đảng bộ các cấp tiến tới Đại "
                    "hội đại biểu toàn quốc lần thứ XIV của Đảng."
                ),
            ),
            (
                "field",
                "Về sắp xếp tổ chức bộ máy",
                (
                    "Quán triệt chủ trương sắp xếp tổ chức bộ máy của hệ thống chính trị "
                    "tinh gọn, hoạt động hiệu lực, hiệu quả, gắn với cơ cấu lại và nâng cao "
                    "chất lượng đội ngũ cán bộ."
                ),
            ),
            (
                "paragraph",
                (
                    "Sau khi học tập, các chi bộ tổ chức thảo luận, xây dựng chương trình "
                    "hành động cụ thể. Đảng ủy Công ty yêu cầu mỗi đảng viên viết bài thu "
                    "hoạch, liên hệ với nhiệm vụ được giao; kết quả học tập nghị quyết là "
                    "một trong những tiêu chí đánh giá, xếp loại chất lượng đảng viên cuối "
                    "năm."
                ),
            ),
            (
                "paragraph",
                (
                    "Phát biểu kết luận, đồng chí Bí thư Đảng ủy Công ty nhấn mạnh, việc học "
                    "tập nghị quyết phải gắn với giải quyết các nhiệm vụ trước mắt: vận hành "
                    "an toàn sáu tổ máy trong cao điểm mùa khô năm 2025, chuẩn bị tốt nguồn "
                    "than, thực hiện nghiêm các quy định về bảo vệ môi trường và sắp xếp lại "
                    "mô hình tổ chức sản xuất theo hướng tinh gọn, hiệu quả. Mỗi cán bộ, "
                    "đảng viên phải thực sự gương mẫu, nói đi đôi với làm."
                ),
            ),
            (
                "paragraph",
                (
                    "Dịp này, Đảng ủy Công ty cũng triển khai kế hoạch tổ chức đại hội các "
                    "chi bộ trực thuộc nhiệm kỳ 2025 - 2027, phấn đấu hoàn thành trước tháng "
                    "5/2025, bảo đảm đúng nguyên tắc, chất lượng và tiến độ theo hướng dẫn "
                    "của Đảng ủy Tổng công ty."
                ),
            ),
        ],
    },
    {
        "key": "demo-015",
        "date": "2024-12-13",
        "title": ("Thủy điện Sông Ba Hạ dùng thiết bị bay không người lái kiểm tra đập và đường dây"),
        "units": ["thuy-dien-song-ba-ha"],
        "categories": ["chuyen-doi-so", "an-toan-lao-dong"],
        "tags": ["chuyển đổi số", "an toàn", "hồ chứa"],
        "author": "minh-tuan",
        "hero_caption": ("Kỹ thuật viên điều khiển thiết bị bay không người lái kiểm tra mặt thượng lưu đập chính."),
        "hero_colour": "#1a5276",
        "lead": (
            "Công ty Cổ phần Thủy điện Sông Ba Hạ vừa đưa vào sử dụng thiết bị bay "
            "không người lái tích hợp camera nhiệt để kiểm tra định kỳ đập, cửa van "
            "và tuyến đường dây 220 kV đấu nối. Giải pháp giúp rút ngắn đáng kể thời "
            "gian kiểm tra, đồng thời giảm rủi ro cho người lao động khi làm việc ở "
            "những vị trí nguy hiểm."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Trước đây, việc kiểm tra bề mặt đập chính và mái hạ lưu các đập phụ chủ "
                    "yếu thực hiện bằng mắt thường hoặc phải dùng dây đu, giàn giáo treo. "
                    "Một đợt kiểm tra thường kéo dài từ 5 đến 7 ngày, cần 6 đến 8 người tham "
                    "gia và tiềm ẩn nguy cơ mất an toàn khi làm việc trên cao."
                ),
            ),
            (
                "image",
                ("Hình ảnh nhiệt chụp từ thiết bị bay giúp phát hiện điểm phát nhiệt bất thường trên chuỗi cách điện."),
                "Ảnh: Phòng Kỹ thuật Công ty",
                "#117864",
            ),
            (
                "paragraph",
                (
                    "Với thiết bị bay không người lái, toàn bộ bề mặt đập được chụp lại với "
                    "độ phân giải cao chỉ trong một buổi. Phần mềm xử lý ảnh ghép thành mô "
                    "hình ba chiều, cho phép so sánh giữa các lần kiểm tra để phát hiện sớm "
                    "vết nứt, thấm hay bong tróc bê tông. Camera nhiệt giúp phát hiện các "
                    "mối nối, chuỗi cách điện có nhiệt độ bất thường trên đường dây mà không "
                    "cần cắt điện."
                ),
            ),
            (
                "paragraph",
                (
                    "Trong lần kiểm tra đầu tiên vào đầu tháng 12, nhóm kỹ thuật đã phát "
                    "hiện 2 vị trí khóa néo có dấu hiệu phát nhiệt và một số điểm thấm nhẹ ở "
                    "khe nối của đập phụ. Các tồn tại đã được lập kế hoạch xử lý ngay trong "
                    "đợt bảo dưỡng cuối năm."
                ),
            ),
            (
                "paragraph",
                (
                    "Để vận hành thiết bị, Công ty đã cử 4 kỹ thuật viên tham gia khóa đào "
                    "tạo và được cấp chứng chỉ điều khiển phương tiện bay không người lái. "
                    "Mọi chuyến bay đều được đăng ký với cơ quan quân sự địa phương theo quy "
                    "định về quản lý vùng trời."
                ),
            ),
            (
                "paragraph",
                (
                    "Theo lãnh đạo Công ty, tổng chi phí đầu tư cho thiết bị và phần mềm "
                    "khoảng 450 triệu đồng, dự kiến thu hồi trong chưa đầy hai năm nhờ giảm "
                    "chi phí thuê giàn giáo và nhân công. Quan trọng hơn, người lao động "
                    "không còn phải treo mình trên mái đập hay leo cột để kiểm tra bằng mắt "
                    "như trước."
                ),
            ),
            (
                "paragraph",
                (
                    "Mô hình này đang được Tổng công ty Phát điện 2 nghiên cứu, đánh giá để "
                    "nhân rộng tại các nhà máy thủy điện khác trong năm 2025, kết hợp với dữ "
                    "liệu của hệ thống quản lý kỹ thuật PMIS."
                ),
            ),
        ],
    },
    {
        "key": "demo-016",
        "date": "2024-12-20",
        "title": "EVNGENCO2 về đích kế hoạch sản lượng điện năm 2024 trước 12 ngày",
        "units": ["evngenco2", "thuy-dien-thac-mo"],
        "categories": ["san-xuat-kinh-doanh"],
        "tags": ["sản lượng điện", "mùa khô", "kế hoạch 2025"],
        "author": "van-hung",
        "hero_caption": ("Lãnh đạo Tổng công ty thăm hỏi, động viên ca vận hành Nhà máy Thủy điện Thác Mơ."),
        "hero_colour": "#0e6655",
        "lead": (
            "Đến 24 giờ ngày 19/12, tổng sản lượng điện của các nhà máy thuộc Tổng "
            "công ty Phát điện 2 đạt 19,62 tỷ kWh, chính thức hoàn thành kế hoạch "
            "năm 2024 trước 12 ngày. Thủy điện Thác Mơ là một trong những đơn vị về "
            "đích sớm nhất, hoàn thành kế hoạch năm từ cuối tháng 11."
        ),
        "body": [
            (
                "paragraph",
                (
                    "Năm 2024, bên cạnh thuận lợi về nhu cầu phụ tải tăng cao, Tổng công ty "
                    "cũng đối mặt với nhiều khó khăn như thủy văn các hồ chứa kém, giá nhiên "
                    "liệu đầu vào biến động, một số tổ máy nhiệt điện đã vận hành lâu năm "
                    "cần nhiều thời gian sửa chữa. Với sự chỉ đạo sát sao của Hội đồng thành "
                    "viên, Ban Tổng giám đốc và nỗ lực của người lao động, các khó khăn từng "
                    "bước được tháo gỡ."
                ),
            ),
            (
                "field",
                "Sản lượng và vận hành",
                (
                    "Sản lượng điện cả năm dự kiến đạt 20,1 tỷ kWh, tăng 8,2% so với năm "
                    "2023; hệ số khả dụng bình quân các tổ máy đạt 91,5%; không để xảy ra sự "
                    "cố chủ quan gây mất an toàn hệ thống điện."
                ),
            ),
            (
                "field",
                "Tài chính",
                (
                    "Doanh thu ước đạt 31.400 tỷ đồng; chi phí sửa chữa và chi phí quản lý "
                    "đều thấp hơn mức kế hoạch được giao từ 3 đến 5%."
                ),
            ),
            (
                "paragraph",
                (
                    "Tại Công ty Cổ phần Thủy điện Thác Mơ, dù lưu lượng nước về hồ trong "
                    "mùa khô chỉ đạt khoảng 75% trung bình nhiều năm, đơn vị đã tối ưu chế "
                    "độ vận hành ba tổ máy, tận dụng tối đa nước về trong mùa lũ. Sản lượng "
                    "điện năm 2024 của Công ty ước đạt 1,12 tỷ kWh, vượt 8% kế hoạch."
                ),
            ),
            (
                "quote",
                (
                    "Về đích sớm là kết quả của cả một năm làm việc bền bỉ, nhiều đêm anh em "
                    "vận hành trực ca liên tục khi hệ thống điện cần huy động cao. Nhưng năm "
                    "2025 sẽ còn nhiều thách thức hơn, chúng ta không được chủ quan."
                ),
                "Ông Trần Quốc Hưng, Tổng giám đốc EVNGENCO2",
            ),
            (
                "image",
                ("Lãnh đạo Tổng công ty tặng hoa chúc mừng tập thể Phân xưởng Vận hành Nhà máy Thủy điện Thác Mơ."),
                "Ảnh: Văn Hùng",
                "#148f77",
            ),
            (
                "paragraph",
                (
                    "Năm 2025, EVNGENCO2 dự kiến được giao kế hoạch sản lượng khoảng 20,5 tỷ "
                    "kWh. Tổng công ty xác định các nhiệm vụ trọng tâm là bảo đảm vận hành "
                    "an toàn, tin cậy các nhà máy; chuẩn bị tốt nhiên liệu cho mùa khô; đẩy "
                    "mạnh chuyển đổi số, tiết kiệm chi phí và nâng cao hiệu quả sản xuất "
                    "kinh doanh."
                ),
            ),
            (
                "paragraph",
                (
                    "Nhân dịp này, Tổng giám đốc Tổng công ty đã gửi thư khen tới tập thể "
                    "cán bộ, công nhân viên các đơn vị, đặc biệt là lực lượng trực tiếp vận "
                    "hành, sửa chữa đã không quản ngại khó khăn, bám máy, bám thiết bị trong "
                    "suốt năm qua."
                ),
            ),
        ],
    },
]
